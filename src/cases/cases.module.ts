import { Module } from '@nestjs/common';
import { CaseContactsRepository } from './case-contacts.repository.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { ChildrenController } from './children.controller.js';
import { ChildrenService } from './children.service.js';
import { ParticipantsController } from './participants.controller.js';
import { ParticipantsRepository } from './participants.repository.js';
import { ParticipantsService } from './participants.service.js';
import { PhotosService } from './photos.service.js';
import { PlacementsService } from './placements.service.js';

@Module({
  controllers: [CasesController, ChildrenController, ParticipantsController],
  providers: [
    CasesService,
    ChildrenService,
    PlacementsService,
    PhotosService,
    ParticipantsService,
    ParticipantsRepository,
    CaseContactsRepository,
  ],
  exports: [ChildrenService, PhotosService, CaseContactsRepository],
})
export class CasesModule {}
