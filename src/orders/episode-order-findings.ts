import { DateTime } from 'luxon';

/*
 * The findings of an order drafted from an episode, fixed when it is drafted
 * and printed as they are (formatted in the court's time zone): what the
 * judge previews is what is signed, whatever happens to the episode after.
 */

/** An order to show cause: the agency's duties that went overdue, each with its deadline, and the order that set them. */
export interface ShowCauseFindings {
  kind: 'SHOW_CAUSE';
  agency: { name: string };
  /** The order whose deadlines were missed; null when only the federal deadlines applied. */
  governingOrder: { number: string | null };
  failures: Array<{ duty: string; dueAt: string; status: string }>;
  /** The hearing the agency is to appear at, if one is set; else the Clerk sets it. */
  hearing: { date: string | null; time: string | null; courtroom: string | null };
}

/** An order continuing jurisdiction: the child's 18th birthday and how long the child has been missing. */
export interface ContinuingJurisdictionFindings {
  kind: 'CONTINUING_JURISDICTION';
  missingSince: string;
  majorityDate: string;
  timeMissing: string;
}

export type EpisodeOrderFindings = ShowCauseFindings | ContinuingJurisdictionFindings;

/** What an episode tells the orders feature (given by the episodes feature through EpisodeOrderFactsRegistry). */
export interface EpisodeOrderFacts {
  episodeId: string;
  status: 'MISSING' | 'RECOVERED';
  courtId: string;
  caseId: string;
  agencyName: string | null;
  missingSince: Date;
  dateOfBirth: string;
  /** The order that set the episode's deadlines, if any. */
  governingOrderId: string | null;
  /** Duties past their deadline with no proof accepted, soonest due first; `duty` as a sentence. */
  overdue: Array<{ duty: string; dueAt: Date }>;
  /** A hearing of the episode that is set (the compliance hearing first), if any. */
  hearing: { scheduledFor: Date; courtroom: string } | null;
}

const local = (instant: Date, timezone: string) => DateTime.fromJSDate(instant, { zone: timezone }).setLocale('en-US');

export function showCauseFindings(facts: EpisodeOrderFacts, governingOrderNumber: string | null, timezone: string): ShowCauseFindings {
  const hearing = facts.hearing ? local(facts.hearing.scheduledFor, timezone) : null;
  return {
    kind: 'SHOW_CAUSE',
    agency: { name: facts.agencyName ?? 'the agency having custody or supervision of the child' },
    governingOrder: { number: governingOrderNumber },
    failures: facts.overdue.map((o) => {
      const due = local(o.dueAt, timezone);
      return { duty: o.duty, dueAt: `${due.toFormat('MMMM d, yyyy')} at ${due.toFormat('h:mm a ZZZZ')}`, status: 'OVERDUE' };
    }),
    hearing: {
      date: hearing ? hearing.toFormat('cccc, MMMM d, yyyy') : null,
      time: hearing ? hearing.toFormat('h:mm a') : null,
      courtroom: facts.hearing?.courtroom ?? null,
    },
  };
}

/** "3 months and 12 days", "1 year, 2 months and 1 day", "5 days". */
export function timeMissing(since: Date, at: Date, timezone: string): string {
  const span = local(at, timezone).diff(local(since, timezone), ['years', 'months', 'days']).toObject();
  const parts: string[] = [];
  const unit = (n: number, word: string) => (n > 0 ? parts.push(`${n} ${word}${n === 1 ? '' : 's'}`) : 0);
  unit(Math.floor(span.years ?? 0), 'year');
  unit(Math.floor(span.months ?? 0), 'month');
  unit(Math.floor(span.days ?? 0), 'day');
  if (parts.length === 0) return 'less than a day';
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function continuingJurisdictionFindings(facts: EpisodeOrderFacts, timezone: string, now: Date): ContinuingJurisdictionFindings {
  const majority = DateTime.fromISO(facts.dateOfBirth, { zone: timezone }).plus({ years: 18 }).setLocale('en-US');
  return {
    kind: 'CONTINUING_JURISDICTION',
    missingSince: local(facts.missingSince, timezone).toFormat('MMMM d, yyyy'),
    majorityDate: majority.toFormat('MMMM d, yyyy'),
    timeMissing: timeMissing(facts.missingSince, now, timezone),
  };
}
