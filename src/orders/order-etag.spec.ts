import { DEFAULT_TERMS } from './order-terms.js';
import { ifMatchHolds, orderEtag, type OrderVersion } from './order-etag.js';

const base: OrderVersion = {
  id: '5b0d1c7e-0000-4000-8000-000000000001',
  status: 'DRAFT',
  kind: 'INDIVIDUAL',
  caseId: '5b0d1c7e-0000-4000-8000-000000000002',
  agencyIds: null,
  effectiveAt: null,
  terms: DEFAULT_TERMS,
  findings: null,
  orderNumber: null,
  templateId: '5b0d1c7e-0000-4000-8000-000000000003',
  updatedAt: new Date('2026-03-01T12:00:00.000Z'),
};

describe('orderEtag', () => {
  it('is a quoted strong tag, the same for the same version whatever the key order of its terms', () => {
    const reordered = { ...base, terms: Object.fromEntries(Object.entries(DEFAULT_TERMS).reverse()) as typeof DEFAULT_TERMS };
    expect(orderEtag(base)).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(orderEtag(reordered)).toBe(orderEtag(base));
  });

  it('changes with a term, the status, the template or any later write', () => {
    const tag = orderEtag(base);
    expect(orderEtag({ ...base, terms: { ...DEFAULT_TERMS, ncmecReportHours: 12 } })).not.toBe(tag);
    expect(orderEtag({ ...base, status: 'SIGNED' })).not.toBe(tag);
    expect(orderEtag({ ...base, templateId: '5b0d1c7e-0000-4000-8000-000000000004' })).not.toBe(tag);
    expect(orderEtag({ ...base, updatedAt: new Date('2026-03-01T12:00:00.001Z') })).not.toBe(tag);
  });
});

describe('ifMatchHolds', () => {
  const tag = '"abc"';
  it.each([
    [undefined, true],
    ['*', true],
    ['"abc"', true],
    ['"x", "abc"', true],
    [' "abc" ', true],
    ['"abd"', false],
    ['W/"abc"', false],
    ['abc', false],
    ['', false],
  ])('If-Match %p → %p', (header, holds) => {
    expect(ifMatchHolds(header, tag)).toBe(holds);
  });
});
