import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { HearingsModule } from '../hearings/hearings.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { DeadlinesService } from './deadlines.service.js';
import { Episode } from './entities/episode.entity.js';
import { Evidence } from './entities/evidence.entity.js';
import { Obligation } from './entities/obligation.entity.js';
import { EpisodeDocumentsController } from './episode-documents.controller.js';
import { EpisodeDocumentsService } from './episode-documents.service.js';
import { EpisodeOrderFactsProvider } from './episode-order-facts.provider.js';
import { EpisodesController } from './episodes.controller.js';
import { EpisodesRepository } from './episodes.repository.js';
import { EpisodesService } from './episodes.service.js';
import { EvidenceRepository } from './evidence.repository.js';
import { EvidenceService } from './evidence.service.js';
import { ObligationsController } from './obligations.controller.js';
import { ObligationsRepository } from './obligations.repository.js';
import { ObligationsService } from './obligations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Episode, Obligation, Evidence]), CasesModule, DirectoryModule, OrdersModule, HearingsModule],
  controllers: [EpisodesController, ObligationsController, EpisodeDocumentsController],
  providers: [
    EpisodesRepository,
    ObligationsRepository,
    EvidenceRepository,
    EpisodesService,
    ObligationsService,
    EvidenceService,
    DeadlinesService,
    EpisodeDocumentsService,
    EpisodeOrderFactsProvider,
  ],
  exports: [DeadlinesService],
})
export class EpisodesModule {}
