import {
  buildOrderRendering,
  childInitials,
  formatCourtDate,
  formatCourtInstant,
  type OrderDocumentContext,
} from './order-document-data.js';
import { DEFAULT_TERMS } from './order-terms.js';
import type { IndividualOrderData, StandingOrderData } from './rendering/template-data.js';

const base: OrderDocumentContext = {
  order: {
    id: 'o-1',
    kind: 'INDIVIDUAL',
    effectiveAt: null,
    terms: { ...DEFAULT_TERMS, ncicEntryHours: 1.5 },
    orderNumber: null,
    verificationCode: null,
    signedAt: null,
    signedByName: null,
    createdAt: new Date('2026-03-01T10:00:00Z'),
    updatedAt: new Date('2026-03-02T10:00:00Z'),
  },
  court: {
    name: 'Court A',
    county: 'Travis',
    state: 'TX',
    stateName: 'Texas',
    timezone: 'America/Chicago',
  },
  case: { docketNumber: 'A-0001' },
  child: { firstName: 'jamie', lastName: 'Doe' },
  agencies: null,
  title: 'Order Regarding a Child Missing from Care',
  publicBaseUrl: 'https://court.example',
};

describe('buildOrderRendering', () => {
  it('builds a draft: initials only, deadlines from the terms, no signature, DRAFT settings dated by the record', () => {
    const { data, settings } = buildOrderRendering(base);
    const d = data as IndividualOrderData;
    expect(d.child).toEqual({ initials: 'J.D.' });
    expect(JSON.stringify(d)).not.toMatch(/jamie|Doe/);
    expect(d.deadlines.ncicEntry).toBe('1.5 hours');
    expect(d.deadlines.runDebrief).toBe('168 hours (7 days)');
    expect(d.deadlines.hearingWithin).toBe('3 court days');
    expect(d.order).toEqual({ number: null, effective: 'upon signing' });
    expect(d.signed).toBe(false);
    expect(d.signature).toEqual({ judgeName: null, date: null });
    expect(settings).toMatchObject({
      draft: true,
      createdAt: base.order.createdAt,
      modifiedAt: base.order.updatedAt,
    });
  });

  it("builds a signed order: number, signature dated in the court's time zone, verification footer", () => {
    const signedAt = new Date('2026-03-04T04:30:00Z'); // 10:30 pm on March 3 in Chicago
    const { data, settings } = buildOrderRendering({
      ...base,
      order: {
        ...base.order,
        effectiveAt: signedAt,
        signedAt,
        orderNumber: '2026-IO-0001',
        verificationCode: 'ABCDE-FGHJK',
        signedByName: 'Hon. A',
      },
    });
    expect(data.signature).toEqual({
      judgeName: 'Hon. A',
      date: 'March 3, 2026',
    });
    expect(data.order).toEqual({
      number: '2026-IO-0001',
      effective: 'upon signing',
    });
    expect(settings.draft).toBe(false);
    expect(settings.createdAt).toBe(signedAt);
    expect(settings.footer.reference).toBe('Order No. 2026-IO-0001 | Verification code ABCDE-FGHJK');
    expect(settings.footer.verification).toContain('https://court.example/api/v1/orders/verify?code=ABCDE-FGHJK');
  });

  it('states a later effective time, and for a standing order the agencies bound', () => {
    const { data } = buildOrderRendering({
      ...base,
      order: {
        ...base.order,
        kind: 'STANDING',
        effectiveAt: new Date('2026-03-10T14:00:00Z'),
      },
      case: null,
      child: null,
      agencies: [{ name: 'Agency One' }],
    });
    const s = data as StandingOrderData;
    expect(s.order.effective).toBe('at 9:00 AM CDT on March 10, 2026');
    expect(s.agencies).toEqual({
      every: false,
      names: [{ name: 'Agency One' }],
    });
    expect(
      (
        buildOrderRendering({
          ...base,
          order: { ...base.order, kind: 'STANDING' },
          agencies: null,
        }).data as StandingOrderData
      ).agencies.every,
    ).toBe(true);
  });
});

describe('formatting', () => {
  it('gives initials, dates and instants as an order prints them', () => {
    expect(childInitials(' Ánna ', 'de la Cruz')).toBe('Á.D.');
    expect(formatCourtDate(new Date('2026-01-01T05:59:00Z'), 'America/Chicago')).toBe('December 31, 2025');
    expect(formatCourtInstant(new Date('2026-01-15T15:05:00Z'), 'America/Chicago')).toBe('at 9:05 AM CST on January 15, 2026');
  });
});
