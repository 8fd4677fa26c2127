import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/principal.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/app-config.js';
import { NotFound } from '../common/errors/domain-error.js';
import { CourtsService } from '../directory/courts.service.js';
import { UserContactsRepository } from '../auth/user-contacts.repository.js';
import { HearingRequestsRepository } from '../hearings/hearing-requests.repository.js';
import { CalendarFeedsRepository } from './calendar-feeds.repository.js';
import { hearingCalendar } from './hearing-calendar.js';

const DAY_MS = 86_400_000;
/** What the feed covers (API.md): 90 days back, a year ahead; a cancellation stays visible for 30 days. */
const WINDOW = { pastDays: 90, futureDays: 365, cancelledDays: 30 };

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The hearing calendar of a judge's or clerk's court as a subscription URL
 * with a secret token (asking again replaces it: the old URL stops working),
 * served as iCalendar to whoever holds the URL while its owner is still a
 * judge or clerk of that court.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CalendarFeedsRepository) private readonly feeds: CalendarFeedsRepository,
    @Inject(HearingRequestsRepository) private readonly hearings: HearingRequestsRepository,
    @Inject(CasesRepository) private readonly cases: CasesRepository,
    @Inject(CourtsService) private readonly courts: CourtsService,
    @Inject(UserContactsRepository) private readonly users: UserContactsRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issueFeed(actor: Actor): Promise<{ url: string }> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (manager) => {
      await this.feeds.replace(manager, { userId: actor.id, courtId: actor.courtId as string, tokenSha256: hash(token) });
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'calendar_feed',
        entityId: actor.id,
        courtId: actor.courtId,
      });
    });
    return { url: `${this.config.publicBaseUrl}/calendar/${token}.ics` };
  }

  async feed(token: string, now = new Date()): Promise<string> {
    const feed = /^[A-Za-z0-9_-]{43}$/.test(token) ? await this.feeds.byTokenHash(hash(token)) : null;
    const [owner] = feed ? await this.users.byIds([feed.userId]) : [];
    // A feed lasts as long as its owner is a judge or clerk of the court it shows.
    if (!feed || !owner || (owner.role !== 'JUDGE' && owner.role !== 'CLERK') || owner.courtId !== feed.courtId) {
      throw new NotFound('calendar');
    }
    const [court, entries] = await Promise.all([
      this.courts.require(feed.courtId),
      this.hearings.forCalendar(feed.courtId, {
        from: new Date(now.getTime() - WINDOW.pastDays * DAY_MS),
        to: new Date(now.getTime() + WINDOW.futureDays * DAY_MS),
        cancelledSince: new Date(now.getTime() - WINDOW.cancelledDays * DAY_MS),
      }),
    ]);
    const dockets = await this.cases.docketNumbers([...new Set(entries.map((e) => e.caseId))]);
    const ics = hearingCalendar({
      courtName: court.name,
      timezone: court.timezone,
      host: new URL(this.config.publicBaseUrl).hostname,
      link: (id) => `${this.config.publicBaseUrl}/hearing-requests/${id}`,
      entries: entries.map((e) => ({ ...e, docketNumber: dockets.get(e.caseId) ?? '' })),
    });
    await this.audit.recordNow(null, {
      action: 'read',
      entityType: 'calendar_feed',
      entityId: feed.userId,
      courtId: feed.courtId,
      details: { hearings: entries.length },
    });
    return ics;
  }
}
