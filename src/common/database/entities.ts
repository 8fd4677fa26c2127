import { AuditEvent } from '../../audit/audit-event.entity.js';
import { CaseParticipant } from '../../cases/entities/case-participant.entity.js';
import { CourtCase } from '../../cases/entities/case.entity.js';
import { Child } from '../../cases/entities/child.entity.js';
import { Photo } from '../../cases/entities/photo.entity.js';
import { Placement } from '../../cases/entities/placement.entity.js';
import { Agency } from '../../directory/entities/agency.entity.js';
import { ApiKey } from '../../directory/entities/api-key.entity.js';
import { CourtClosure } from '../../directory/entities/court-closure.entity.js';
import { Court } from '../../directory/entities/court.entity.js';
import { User } from '../../directory/entities/user.entity.js';
import { Episode } from '../../episodes/entities/episode.entity.js';
import { Evidence } from '../../episodes/entities/evidence.entity.js';
import { Obligation } from '../../episodes/entities/obligation.entity.js';
import { DocketCallback } from '../../hearings/entities/docket-callback.entity.js';
import { DocketEvent } from '../../hearings/entities/docket-event.entity.js';
import { HearingRequest } from '../../hearings/entities/hearing-request.entity.js';
import { orderEntities } from '../../orders/entities/index.js';

/** Every entity, listed explicitly (no globs: the same list works compiled and under Jest). */
export const entities = [
  Court,
  CourtClosure,
  Agency,
  User,
  ApiKey,
  CourtCase,
  Child,
  Placement,
  Photo,
  CaseParticipant,
  AuditEvent,
  ...orderEntities,
  Episode,
  Obligation,
  Evidence,
  HearingRequest,
  DocketEvent,
  DocketCallback,
];
