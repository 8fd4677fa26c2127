import { DateTime } from 'luxon';
import type { ChildView } from '../cases/child-view.js';
import type { EpisodeView } from './episode-view.js';
import { ageAt } from './obligation-deadlines.js';
import { feetAndInches, NCMEC_HOTLINE } from './poster.js';

/** What the record says the child looks like and needs. */
export type ChildDescription = Pick<
  ChildView,
  | 'firstName'
  | 'middleName'
  | 'lastName'
  | 'dateOfBirth'
  | 'sex'
  | 'heightInches'
  | 'weightPounds'
  | 'hairColor'
  | 'eyeColor'
  | 'identifyingMarks'
  | 'wearsGlasses'
  | 'hasBraces'
  | 'riskFactors'
>;

/** When, where and how the child went missing, as the episode records it. */
export type EpisodeCircumstances = Pick<
  EpisodeView,
  | 'missingSince'
  | 'discoveredAt'
  | 'lastSeenLocation'
  | 'lastSeenCity'
  | 'clothingDescription'
  | 'circumstances'
  | 'companions'
  | 'childPhone'
  | 'socialMedia'
>;

/** Everything the report packet is built from, as loaded for one episode. */
export interface ReportPacketInput {
  child: ChildDescription;
  episode: EpisodeCircumstances;
  /** An accepted safety assessment of the child found a trafficking concern. */
  traffickingConcern: boolean;
  photo: { takenAt: Date } | null;
  agency: { name: string | null; caseworkerName: string | null; caseworkerEmail: string | null };
  court: { name: string; timezone: string };
  docketNumber: string;
  /** The order that governs the episode, and whether it lets the photo be released. */
  release: { orderNumber: string | null; authorized: boolean };
  now: Date;
}

type Item = { text: string };

/** The report packet template's data (templates/documents/report-packet.md.tmpl): every value a printed string. */
export interface ReportPacketData {
  child: {
    name: string;
    dateOfBirth: string;
    age: string;
    sex: string;
    height: string;
    weight: string;
    hair: string;
    eyes: string;
    glasses: string;
    braces: string;
    identifyingMarks: Item[];
  };
  lastSeen: {
    when: string;
    discovered: string;
    where: string;
    city: string;
    clothing: string;
    circumstances: string;
    companions: Item[];
    phone: string;
    socialMedia: Item[];
  };
  risks: Item[];
  photo: { takenAt: string } | null;
  agency: { name: string; caseworker: string };
  court: { name: string };
  case: { docketNumber: string };
  release: { statement: string };
  hotline: string;
  preparedAt: string;
}

const NOT_RECORDED = 'Not recorded';
const SEX: Record<string, string> = { F: 'Female', M: 'Male', X: 'X (nonbinary or unspecified)' };

const orNot = (value: string | null | undefined): string => (value && value.trim() ? value.trim() : NOT_RECORDED);
const yesNo = (value: boolean | null): string => (value === null ? NOT_RECORDED : value ? 'Yes' : 'No');
const items = (values: string[]): Item[] => values.filter((v) => v.trim()).map((text) => ({ text }));

/**
 * What law enforcement and NCMEC ask for on the call, on one or two pages
 * (DESIGN §9, API.md "Episodes, additions"): for the agency, the clerk and the
 * judge only, never for publication.
 */
export function buildReportPacket(input: ReportPacketInput): ReportPacketData {
  const { child, episode } = input;
  const tz = input.court.timezone;
  const at = (instant: Date) => {
    const local = DateTime.fromJSDate(instant, { zone: tz }).setLocale('en-US');
    return `${local.toFormat('MMMM d, yyyy')} at ${local.toFormat('h:mm a ZZZZ')}`;
  };
  const birth = DateTime.fromISO(child.dateOfBirth).setLocale('en-US').toFormat('MMMM d, yyyy');
  const risks = items(child.riskFactors);
  if (input.traffickingConcern) risks.push({ text: 'Suspected trafficking (a safety assessment found a concern)' });
  const caseworker = [input.agency.caseworkerName, input.agency.caseworkerEmail].filter(Boolean).join(', ');
  return {
    child: {
      name: [child.firstName, child.middleName, child.lastName].filter((p) => p && p.trim()).join(' '),
      dateOfBirth: birth,
      age: `${ageAt(child.dateOfBirth, input.now, tz)} (${ageAt(child.dateOfBirth, episode.missingSince, tz)} when missing)`,
      sex: child.sex ? (SEX[child.sex] ?? child.sex) : NOT_RECORDED,
      height: child.heightInches === null ? NOT_RECORDED : `${feetAndInches(child.heightInches)} (${child.heightInches} in)`,
      weight: child.weightPounds === null ? NOT_RECORDED : `${child.weightPounds} lbs`,
      hair: orNot(child.hairColor),
      eyes: orNot(child.eyeColor),
      glasses: yesNo(child.wearsGlasses),
      braces: yesNo(child.hasBraces),
      identifyingMarks: items(child.identifyingMarks),
    },
    lastSeen: {
      when: at(episode.missingSince),
      discovered: at(episode.discoveredAt),
      where: orNot(episode.lastSeenLocation),
      city: orNot(episode.lastSeenCity),
      clothing: orNot(episode.clothingDescription),
      circumstances: orNot(episode.circumstances),
      companions: items(episode.companions),
      phone: orNot(episode.childPhone),
      socialMedia: items(episode.socialMedia),
    },
    risks,
    photo: input.photo ? { takenAt: at(input.photo.takenAt) } : null,
    agency: { name: orNot(input.agency.name), caseworker: caseworker || NOT_RECORDED },
    court: { name: input.court.name },
    case: { docketNumber: input.docketNumber },
    release: {
      statement: !input.release.authorized
        ? `Release of the photo for publication is NOT authorized (Order No. ${input.release.orderNumber ?? 'on file'}); give it to law enforcement and NCMEC only.`
        : input.release.orderNumber
          ? `Release of the photo and description for a missing-child poster is authorized by Order No. ${input.release.orderNumber}.`
          : 'No order of the court governs this episode; release of the photo for a missing-child poster is authorized by default.',
    },
    hotline: NCMEC_HOTLINE,
    preparedAt: at(input.now),
  };
}

/** An example of every field, for the template check. */
export const SAMPLE_REPORT_PACKET: ReportPacketData = {
  child: {
    name: 'Jamie Lee Doe',
    dateOfBirth: 'April 17, 2011',
    age: '15 (14 when missing)',
    sex: 'Female',
    height: '5 ft 1 in (61 in)',
    weight: '98 lbs',
    hair: 'Brown',
    eyes: 'Green',
    glasses: 'Yes',
    braces: 'No',
    identifyingMarks: [{ text: 'butterfly tattoo on left wrist' }],
  },
  lastSeen: {
    when: 'March 1, 2026 at 6:00 PM CST',
    discovered: 'March 1, 2026 at 9:15 PM CST',
    where: 'Bus stop on 5th and Main',
    city: 'Austin',
    clothing: 'Red hoodie, jeans',
    circumstances: 'Left after dinner',
    companions: [{ text: 'an older friend' }],
    phone: '512-555-0100',
    socialMedia: [{ text: '@jamie' }],
  },
  risks: [{ text: 'asthma' }],
  photo: { takenAt: 'February 20, 2026 at 3:00 PM CST' },
  agency: { name: 'Department of Family and Protective Services', caseworker: 'Casey Worker, casey@dfps.example' },
  court: { name: 'Travis County Juvenile Court' },
  case: { docketNumber: 'JV-2026-00001' },
  release: { statement: 'Release of the photo and description for a missing-child poster is authorized by Order No. 2026-IO-0001.' },
  hotline: NCMEC_HOTLINE,
  preparedAt: 'March 1, 2026 at 9:30 PM CST',
};
