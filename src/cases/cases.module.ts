import { Module } from '@nestjs/common';
import { CaseContactsRepository } from './case-contacts.repository.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '../directory/directory.module.js';
import { CasesController } from './cases.controller.js';
import { CasesRepository } from './cases.repository.js';
import { CasesService } from './cases.service.js';
import { ChildrenController } from './children.controller.js';
import { ChildrenRepository } from './children.repository.js';
import { ChildrenService } from './children.service.js';
import { CaseParticipant } from './entities/case-participant.entity.js';
import { CourtCase } from './entities/case.entity.js';
import { Child } from './entities/child.entity.js';
import { Photo } from './entities/photo.entity.js';
import { Placement } from './entities/placement.entity.js';
import { ParticipantsController } from './participants.controller.js';
import { ParticipantsRepository } from './participants.repository.js';
import { ParticipantsService } from './participants.service.js';
import { PhotosRepository } from './photos.repository.js';
import { PhotosService } from './photos.service.js';
import { PlacementsRepository } from './placements.repository.js';
import { PlacementsService } from './placements.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CourtCase, Child, Placement, Photo, CaseParticipant]), DirectoryModule],
  controllers: [CasesController, ChildrenController, ParticipantsController],
  providers: [
    CasesRepository,
    ChildrenRepository,
    PlacementsRepository,
    PhotosRepository,
    CasesService,
    ChildrenService,
    PlacementsService,
    PhotosService,
    ParticipantsService,
    ParticipantsRepository,
    CaseContactsRepository,
  ],
  exports: [CasesRepository, ChildrenRepository, ChildrenService, PhotosService, CaseContactsRepository],
})
export class CasesModule {}
