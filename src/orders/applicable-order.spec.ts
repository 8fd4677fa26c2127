import { applicableOrder, binds, type OrderCandidate } from './applicable-order.js';
import { DEFAULT_TERMS } from './order-terms.js';

const COURT = 'court-a';
const CASE = 'case-1';
const AGENCY = 'agency-1';
const at = new Date('2026-03-10T12:00:00Z');
const hoursFromAt = (h: number) => new Date(at.getTime() + h * 3_600_000);

let seq = 0;
function order(overrides: Partial<OrderCandidate>): OrderCandidate {
  seq += 1;
  const effectiveAt = overrides.effectiveAt === undefined ? hoursFromAt(-24 * 10 + seq) : overrides.effectiveAt;
  return {
    id: `order-${String(seq).padStart(3, '0')}`,
    kind: 'INDIVIDUAL',
    status: 'SIGNED',
    courtId: COURT,
    caseId: CASE,
    agencyIds: null,
    effectiveAt,
    signedAt: overrides.signedAt === undefined ? effectiveAt : overrides.signedAt,
    terms: { ...DEFAULT_TERMS, ncicEntryHours: seq },
    ...overrides,
  };
}
const standing = (overrides: Partial<OrderCandidate>) => order({ kind: 'STANDING', caseId: null, ...overrides });
const q = { courtId: COURT, caseId: CASE, agencyId: AGENCY, at };

describe('applicableOrder', () => {
  it('never takes an order drafted from an episode (to show cause, continuing jurisdiction), however new', () => {
    const individual = order({ effectiveAt: hoursFromAt(-48) });
    const showCause = order({ kind: 'SHOW_CAUSE', effectiveAt: hoursFromAt(-1) });
    const continuing = order({ kind: 'CONTINUING_JURISDICTION', effectiveAt: hoursFromAt(-1) });
    expect(applicableOrder([showCause, continuing, individual], q)?.id).toBe(individual.id);
    expect(applicableOrder([showCause, continuing], q)).toBeNull();
  });

  it('is none when there is no order at all', () => {
    expect(applicableOrder([], q)).toBeNull();
  });

  it("takes the case's newest individual order by effectiveAt, over any standing order", () => {
    const older = order({ effectiveAt: hoursFromAt(-48) });
    const newer = order({ effectiveAt: hoursFromAt(-2) });
    const so = standing({ effectiveAt: hoursFromAt(-1) });
    expect(applicableOrder([newer, so, older], q)?.id).toBe(newer.id);
    expect(applicableOrder([older, so, newer], q)?.id).toBe(newer.id);
  });

  it('ignores individual orders of other cases and other courts', () => {
    const otherCase = order({ caseId: 'case-2' });
    const otherCourt = order({ courtId: 'court-b' });
    const so = standing({});
    expect(applicableOrder([otherCase, otherCourt, so], q)?.id).toBe(so.id);
    expect(applicableOrder([otherCase, otherCourt], q)).toBeNull();
  });

  it('ignores drafts and vacated orders, falling back to the next one', () => {
    const vacated = order({ status: 'VACATED', effectiveAt: hoursFromAt(-1) });
    const draft = order({ status: 'DRAFT', effectiveAt: null, signedAt: null });
    const earlier = order({ effectiveAt: hoursFromAt(-100) });
    expect(applicableOrder([vacated, draft, earlier], q)?.id).toBe(earlier.id);
    const vacatedStanding = standing({ status: 'VACATED' });
    expect(applicableOrder([vacated, draft, vacatedStanding], q)).toBeNull();
  });

  it('ignores an order that takes effect after the instant (future effectiveAt)', () => {
    const future = order({
      effectiveAt: hoursFromAt(1),
      signedAt: hoursFromAt(-1),
    });
    const so = standing({ effectiveAt: hoursFromAt(-50) });
    expect(applicableOrder([future, so], q)?.id).toBe(so.id);
    expect(applicableOrder([future], q)).toBeNull();
    // at the very instant it takes effect, it applies
    expect(applicableOrder([future, so], { ...q, at: hoursFromAt(1) })?.id).toBe(future.id);
  });

  it('keeps a SUPERSEDED standing order in force until its successor takes effect', () => {
    const old = standing({
      status: 'SUPERSEDED',
      effectiveAt: hoursFromAt(-500),
      signedAt: hoursFromAt(-500),
    });
    const successor = standing({
      status: 'SIGNED',
      effectiveAt: hoursFromAt(24),
      signedAt: hoursFromAt(-1),
    });
    expect(applicableOrder([old, successor], q)?.id).toBe(old.id);
    expect(applicableOrder([old, successor], { ...q, at: hoursFromAt(25) })?.id).toBe(successor.id);
  });

  it('lets the standing order signed last govern once in effect, even if an older one starts later', () => {
    const old = standing({
      status: 'SUPERSEDED',
      effectiveAt: hoursFromAt(-10),
      signedAt: hoursFromAt(-300),
    });
    const successor = standing({
      effectiveAt: hoursFromAt(-20),
      signedAt: hoursFromAt(-20),
    });
    expect(applicableOrder([old, successor], q)?.id).toBe(successor.id);
  });

  it('falls back to the earlier standing order when the newer one is vacated', () => {
    const old = standing({
      status: 'SUPERSEDED',
      effectiveAt: hoursFromAt(-500),
    });
    const vacated = standing({
      status: 'VACATED',
      effectiveAt: hoursFromAt(-5),
    });
    expect(applicableOrder([old, vacated], q)?.id).toBe(old.id);
  });

  it('applies a standing order only when it binds the agency', () => {
    const all = standing({ agencyIds: null });
    expect(applicableOrder([all], q)?.id).toBe(all.id);
    const empty = standing({ agencyIds: [] });
    expect(applicableOrder([empty], q)?.id).toBe(empty.id);
    const ours = standing({ agencyIds: ['agency-9', AGENCY] });
    expect(applicableOrder([ours], q)?.id).toBe(ours.id);
    const others = standing({ agencyIds: ['agency-9'] });
    expect(applicableOrder([others], q)).toBeNull();
    // the standing order in force decides: an older one that binds the agency does not come back
    const olderOurs = standing({
      status: 'SUPERSEDED',
      agencyIds: [AGENCY],
      effectiveAt: hoursFromAt(-900),
      signedAt: hoursFromAt(-900),
    });
    expect(applicableOrder([olderOurs, others], q)).toBeNull();
  });

  it('binds a child with no placement only through an order for every agency', () => {
    const all = standing({ agencyIds: null });
    const some = standing({
      agencyIds: [AGENCY],
      effectiveAt: hoursFromAt(-1),
    });
    expect(applicableOrder([some], { ...q, agencyId: null })).toBeNull();
    expect(applicableOrder([all], { ...q, agencyId: null })?.id).toBe(all.id);
    expect(binds({ agencyIds: [AGENCY] }, null)).toBe(false);
  });

  it('binds individual orders whatever the agency', () => {
    const io = order({});
    expect(applicableOrder([io], { ...q, agencyId: 'agency-x' })?.id).toBe(io.id);
    expect(applicableOrder([io], { ...q, agencyId: null })?.id).toBe(io.id);
  });

  it('breaks a tie of equal effectiveAt by the later signature', () => {
    const a = order({
      effectiveAt: hoursFromAt(-3),
      signedAt: hoursFromAt(-5),
    });
    const b = order({
      effectiveAt: hoursFromAt(-3),
      signedAt: hoursFromAt(-4),
    });
    expect(applicableOrder([b, a], q)?.id).toBe(b.id);
    expect(applicableOrder([a, b], q)?.id).toBe(b.id);
  });
});
