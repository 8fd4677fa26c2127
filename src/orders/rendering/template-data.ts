import { DEFAULT_TERMS, type OrderTerms } from '../order-terms.js';

export const TEMPLATE_KINDS = [
  'INDIVIDUAL_ORDER',
  'STANDING_ORDER',
  'NOTICE_OF_HEARING',
  'ORDER_TO_SHOW_CAUSE',
  'ORDER_CONTINUING_JURISDICTION',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/*
 * The data each template kind is rendered with. Every value is plain and
 * already formatted for print (dates in the court's time zone as words,
 * deadlines as "24 hours"); the renderer escapes every string, so templates
 * print values literally. A template may use only these variables (checked
 * when a court's version is added), and rendering refuses data missing any
 * of them. Children appear by initials only.
 */

export interface CourtData {
  /** "Travis County Juvenile Court" */
  name: string;
  /** "Travis" */
  county: string;
  /** "TX" */
  state: string;
  /** "Texas" */
  stateName: string;
}

/** Who signed and when; `judgeName` and `date` are null on a draft (`signed` false). */
export interface SignatureData {
  judgeName: string | null;
  /** "March 3, 2026", in the court's time zone */
  date: string | null;
}

/** The deadlines of OrderTerms as an order states them ("24 hours", "168 hours (7 days)"). */
export interface DeadlinesData {
  lawEnforcementReport: string;
  ncicEntry: string;
  ncmecReport: string;
  photoMaxAge: string;
  statusUpdate: string;
  recoveryNotification: string;
  postRecoveryPhoto: string;
  safetyAssessment: string;
  runDebrief: string;
  hearingWithin: string;
}

/** INDIVIDUAL_ORDER: an order in one child's case (built by OrderDocumentsService). */
export interface IndividualOrderData {
  court: CourtData;
  case: { docketNumber: string };
  child: { initials: string };
  /** `number` is null on a draft; `effective` reads "upon signing" or "at 9:00 AM CST on March 10, 2026". */
  order: { number: string | null; effective: string };
  terms: OrderTerms;
  deadlines: DeadlinesData;
  signed: boolean;
  signature: SignatureData;
}

/** STANDING_ORDER: the court's order for every child in care in the jurisdiction. */
export interface StandingOrderData {
  court: CourtData;
  order: { number: string | null; effective: string };
  /** `every`: binds every agency; otherwise `names` lists the agencies bound. */
  agencies: { every: boolean; names: Array<{ name: string }> };
  terms: OrderTerms;
  deadlines: DeadlinesData;
  signed: boolean;
  signature: SignatureData;
}

/** NOTICE_OF_HEARING: built by the hearings module when the clerk sets a hearing. */
export interface NoticeOfHearingData {
  court: CourtData;
  case: { docketNumber: string };
  child: { initials: string };
  hearing: {
    /** CHILD_MISSING | NON_COMPLIANCE | CHILD_RECOVERED | PRE_MAJORITY */
    reason: string;
    /** One sentence: "to review the efforts to locate the child, who is missing from placement" */
    purpose: string;
    /** "Thursday, March 5, 2026" */
    date: string;
    /** "9:00 AM" */
    time: string;
    courtroom: string;
  };
  /** Who is given notice: agency names, parties' roles ("Attorney ad litem"). May be empty. */
  recipients: Array<{ name: string }>;
  notice: { issuedDate: string; issuedBy: string };
}

/** ORDER_TO_SHOW_CAUSE: built by the episodes module when an agency missed deadlines. */
export interface OrderToShowCauseData {
  court: CourtData;
  case: { docketNumber: string };
  child: { initials: string };
  agency: { name: string };
  /** The order whose deadlines were missed ("2026-IO-0001"), or null when only the federal deadlines applied. */
  governingOrder: { number: string | null };
  /** Each missed duty: "Report the child to NCMEC", "March 2, 2026 at 10:15 AM CST", "OVERDUE" */
  failures: Array<{ duty: string; dueAt: string; status: string }>;
  /** The hearing the agency is to appear at; all null when none is set yet (the Clerk sets it). */
  hearing: { date: string | null; time: string | null; courtroom: string | null };
  order: { number: string | null };
  signed: boolean;
  signature: SignatureData;
}

/** ORDER_CONTINUING_JURISDICTION: built by the episodes module before a missing child turns 18. */
export interface OrderContinuingJurisdictionData {
  court: CourtData;
  case: { docketNumber: string };
  child: { initials: string };
  /** "January 5, 2026" */
  missingSince: string;
  /** The 18th birthday, "April 17, 2029" */
  majorityDate: string;
  /** How long the child has been missing when the order is drafted: "3 months and 12 days" */
  timeMissing: string;
  order: { number: string | null };
  signed: boolean;
  signature: SignatureData;
}

export interface TemplateDataByKind {
  INDIVIDUAL_ORDER: IndividualOrderData;
  STANDING_ORDER: StandingOrderData;
  NOTICE_OF_HEARING: NoticeOfHearingData;
  ORDER_TO_SHOW_CAUSE: OrderToShowCauseData;
  ORDER_CONTINUING_JURISDICTION: OrderContinuingJurisdictionData;
}

const court: CourtData = {
  name: 'Juvenile Court of Sample County',
  county: 'Sample',
  state: 'TX',
  stateName: 'Texas',
};
const terms: OrderTerms = { ...DEFAULT_TERMS };
const deadlines: DeadlinesData = {
  lawEnforcementReport: '24 hours',
  ncicEntry: '2 hours',
  ncmecReport: '24 hours',
  photoMaxAge: '180 days',
  statusUpdate: '30 days',
  recoveryNotification: '24 hours',
  postRecoveryPhoto: '72 hours (3 days)',
  safetyAssessment: '72 hours (3 days)',
  runDebrief: '168 hours (7 days)',
  hearingWithin: '3 court days',
};
const signature: SignatureData = {
  judgeName: 'Hon. Sample Judge',
  date: 'March 3, 2026',
};

/**
 * A complete example of each kind's data. It is the schema the template
 * checker walks (arrays describe their items by their first element) and
 * what a court's new template is trial-rendered with.
 */
export const SAMPLE_DATA: { [K in TemplateKind]: TemplateDataByKind[K] } = {
  INDIVIDUAL_ORDER: {
    court,
    case: { docketNumber: 'JV-2026-00001' },
    child: { initials: 'J.D.' },
    order: { number: '2026-IO-0001', effective: 'upon signing' },
    terms,
    deadlines,
    signed: true,
    signature,
  },
  STANDING_ORDER: {
    court,
    order: { number: '2026-SO-0001', effective: 'upon signing' },
    agencies: {
      every: false,
      names: [{ name: 'Department of Family and Protective Services' }],
    },
    terms,
    deadlines,
    signed: true,
    signature,
  },
  NOTICE_OF_HEARING: {
    court,
    case: { docketNumber: 'JV-2026-00001' },
    child: { initials: 'J.D.' },
    hearing: {
      reason: 'CHILD_MISSING',
      purpose: 'to review the efforts to locate the child, who is missing from placement',
      date: 'Thursday, March 5, 2026',
      time: '9:00 AM',
      courtroom: 'Courtroom 3B',
    },
    recipients: [{ name: 'Department of Family and Protective Services' }],
    notice: { issuedDate: 'March 2, 2026', issuedBy: 'Clerk of the Court' },
  },
  ORDER_TO_SHOW_CAUSE: {
    court,
    case: { docketNumber: 'JV-2026-00001' },
    child: { initials: 'J.D.' },
    agency: { name: 'Department of Family and Protective Services' },
    governingOrder: { number: '2026-IO-0001' },
    failures: [
      {
        duty: 'Report the child to NCMEC',
        dueAt: 'March 2, 2026 at 10:15 AM CST',
        status: 'OVERDUE',
      },
    ],
    hearing: {
      date: 'Thursday, March 12, 2026',
      time: '9:00 AM',
      courtroom: 'Courtroom 3B',
    },
    order: { number: null },
    signed: true,
    signature,
  },
  ORDER_CONTINUING_JURISDICTION: {
    court,
    case: { docketNumber: 'JV-2026-00001' },
    child: { initials: 'J.D.' },
    missingSince: 'January 5, 2026',
    majorityDate: 'April 17, 2029',
    timeMissing: '2 months and 3 days',
    order: { number: null },
    signed: true,
    signature,
  },
};

/** Variables a court's own INDIVIDUAL or STANDING order must print: every deadline the order's terms set. */
export const REQUIRED_VARIABLES: Partial<Record<TemplateKind, string[]>> = {
  INDIVIDUAL_ORDER: requiredOrderVariables(),
  STANDING_ORDER: requiredOrderVariables(),
};

function requiredOrderVariables(): string[] {
  return [
    'deadlines.lawEnforcementReport',
    'deadlines.ncicEntry',
    'deadlines.ncmecReport',
    'deadlines.photoMaxAge',
    'deadlines.statusUpdate',
    'deadlines.recoveryNotification',
    'deadlines.postRecoveryPhoto',
    'deadlines.safetyAssessment',
    'deadlines.runDebrief',
    'deadlines.hearingWithin',
  ];
}
