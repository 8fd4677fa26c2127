import { canonicalJson, chainHash, GENESIS_HASH, type ChainedFields } from './audit-chain.js';

const event = (overrides: Partial<ChainedFields> = {}): ChainedFields => ({
  seq: '1',
  id: '7d1f0a52-5a3c-4c55-9a1e-2d2f1f4e9b10',
  at: new Date('2026-03-01T12:00:00.000Z'),
  actorId: null,
  actorRole: 'CLERK',
  action: 'read',
  outcome: 'success',
  entityType: 'child',
  entityId: '0b6b7c2e-1111-4c55-9a1e-2d2f1f4e9b10',
  courtId: null,
  requestId: 'r1',
  details: { b: 1, a: [2, { d: 3, c: 4 }] },
  ...overrides,
});

describe('canonicalJson', () => {
  it('sorts keys at every level so stored jsonb hashes the same as the original', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe('{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}');
  });

  it('drops undefined and renders dates as ISO strings', () => {
    expect(canonicalJson({ a: undefined, b: new Date('2026-01-01T00:00:00Z') })).toBe('{"b":"2026-01-01T00:00:00.000Z"}');
  });
});

describe('chainHash', () => {
  it('is a SHA-256 hex digest that depends on the previous hash', () => {
    const first = chainHash(GENESIS_HASH, event());
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash('f'.repeat(64), event())).not.toBe(first);
  });

  it('does not depend on the order of detail keys', () => {
    expect(chainHash(GENESIS_HASH, event({ details: { a: [2, { c: 4, d: 3 }], b: 1 } }))).toBe(chainHash(GENESIS_HASH, event()));
  });

  it.each<[string, Partial<ChainedFields>]>([
    ['action', { action: 'update' }],
    ['outcome', { outcome: 'denied' }],
    ['time', { at: new Date('2026-03-01T12:00:00.001Z') }],
    ['sequence', { seq: '2' }],
    ['details', { details: { b: 2, a: [2, { d: 3, c: 4 }] } }],
  ])('changes when the %s changes', (_name, change) => {
    expect(chainHash(GENESIS_HASH, event(change))).not.toBe(chainHash(GENESIS_HASH, event()));
  });
});
