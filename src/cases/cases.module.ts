import { Module } from '@nestjs/common';
import { CaseContactsRepository } from './case-contacts.repository.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesController } from './cases.controller.js';
import { CasesRepository } from './cases.repository.js';
import { CasesService } from './cases.service.js';
import { ChildrenController } from './children.controller.js';
import { ChildrenService } from './children.service.js';
import { CaseParticipant } from './entities/case-participant.entity.js';
import { CourtCase } from './entities/case.entity.js';
import { Child } from './entities/child.entity.js';
import { Photo } from './entities/photo.entity.js';
import { Placement } from './entities/placement.entity.js';
import { ParticipantsController } from './participants.controller.js';
import { ParticipantsRepository } from './participants.repository.js';
import { ParticipantsService } from './participants.service.js';
import { PhotosService } from './photos.service.js';
import { PlacementsService } from './placements.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CourtCase, Child, Placement, Photo, CaseParticipant])],
  controllers: [CasesController, ChildrenController, ParticipantsController],
  providers: [
    CasesRepository,
    CasesService,
    ChildrenService,
    PlacementsService,
    PhotosService,
    ParticipantsService,
    ParticipantsRepository,
    CaseContactsRepository,
  ],
  exports: [CasesRepository, ChildrenService, PhotosService, CaseContactsRepository],
})
export class CasesModule {}
