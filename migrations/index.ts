import { Foundation1795400000000 } from './1795400000000-foundation.js';
import { Orders1795400100000 } from './1795400100000-orders.js';
import { Episodes1795400200000 } from './1795400200000-episodes.js';
import { OutboxDelivery1795400300000 } from './1795400300000-outbox-delivery.js';
import { Docket1795400400000 } from './1795400400000-docket.js';
import { ComplianceRollup1795400500000 } from './1795400500000-compliance-rollup.js';
import { HearingRequestAgency1795600000000 } from './1795600000000-hearing-request-agency.js';
import { StoredFiles1795600100000 } from './1795600100000-stored-files.js';
import { Identity1795700000000 } from './1795700000000-identity.js';
import { CaseParticipants1795800000000 } from './1795800000000-case-participants.js';
import { Notifications1795800100000 } from './1795800100000-notifications.js';
import { EpisodeLastSeenCity1795800200000 } from './1795800200000-episode-last-seen-city.js';
import { CalendarFeeds1795800300000 } from './1795800300000-calendar-feeds.js';
import { EpisodeOrders1795800400000 } from './1795800400000-episode-orders.js';
import { AuditHmac1795950000000 } from './1795950000000-audit-hmac.js';
import { CarriedTokens1796000000000 } from './1796000000000-carried-tokens.js';

/** Every migration, in order. Listed explicitly so the build and the tests load the same classes. */
export const migrations = [
  Foundation1795400000000,
  Orders1795400100000,
  Episodes1795400200000,
  OutboxDelivery1795400300000,
  Docket1795400400000,
  ComplianceRollup1795400500000,
  HearingRequestAgency1795600000000,
  StoredFiles1795600100000,
  Identity1795700000000,
  CaseParticipants1795800000000,
  Notifications1795800100000,
  EpisodeLastSeenCity1795800200000,
  CalendarFeeds1795800300000,
  EpisodeOrders1795800400000,
  AuditHmac1795950000000,
  CarriedTokens1796000000000,
];
