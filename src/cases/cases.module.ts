import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { ChildrenController } from './children.controller.js';
import { ChildrenService } from './children.service.js';
import { PhotosService } from './photos.service.js';
import { PlacementsService } from './placements.service.js';

@Module({
  controllers: [CasesController, ChildrenController],
  providers: [CasesService, ChildrenService, PlacementsService, PhotosService],
  exports: [ChildrenService, PhotosService],
})
export class CasesModule {}
