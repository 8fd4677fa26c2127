import {
  canonicalJson,
  CHAIN_HMAC,
  CHAIN_SHA256,
  chainHash,
  chainHmac,
  GENESIS_HASH,
  linkHolds,
  type ChainedFields,
  type ChainedRow,
  type ChainLink,
} from './audit-chain.js';

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

describe('chainHmac', () => {
  it('is keyed: another key, or plain SHA-256, gives another hash', () => {
    const keyed = chainHmac('k'.repeat(32), GENESIS_HASH, event());
    expect(keyed).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHmac('j'.repeat(32), GENESIS_HASH, event())).not.toBe(keyed);
    expect(chainHash(GENESIS_HASH, event())).not.toBe(keyed);
  });
});

describe('linkHolds', () => {
  const key = 'audit-key-'.repeat(4);
  const row = (seq: number, prevHash: string, chainVersion: number, overrides: Partial<ChainedFields> = {}): ChainedRow => {
    const fields = event({ seq: String(seq), ...overrides });
    const hash = chainVersion === CHAIN_HMAC ? chainHmac(key, prevHash, fields) : chainHash(prevHash, fields);
    return { ...fields, chainVersion, prevHash, hash };
  };
  const link = (r: ChainedRow): ChainLink => ({ seq: BigInt(r.seq), hash: r.hash, chainVersion: r.chainVersion });

  it('holds for keyed rows in order, and for SHA-256 rows before them', () => {
    const legacy = row(1, GENESIS_HASH, CHAIN_SHA256);
    const keyed = row(2, legacy.hash, CHAIN_HMAC);
    expect(linkHolds(key, null, legacy)).toBe(true);
    expect(linkHolds(key, link(legacy), keyed)).toBe(true);
    expect(linkHolds(key, link(keyed), row(3, keyed.hash, CHAIN_HMAC))).toBe(true);
  });

  it('breaks on a SHA-256 row after a keyed one (a downgraded history)', () => {
    const keyed = row(1, GENESIS_HASH, CHAIN_HMAC);
    expect(linkHolds(key, link(keyed), row(2, keyed.hash, CHAIN_SHA256))).toBe(false);
  });

  it('breaks on a wrong key, a changed field, a gap, a wrong link or an unknown version', () => {
    const first = row(1, GENESIS_HASH, CHAIN_HMAC);
    expect(linkHolds('another-key-'.repeat(3), null, first)).toBe(false);
    expect(linkHolds(key, null, { ...first, actorRole: 'ADMIN' })).toBe(false);
    expect(linkHolds(key, link(first), row(3, first.hash, CHAIN_HMAC))).toBe(false);
    expect(linkHolds(key, link(first), row(2, 'f'.repeat(64), CHAIN_HMAC))).toBe(false);
    expect(linkHolds(key, null, { ...first, chainVersion: 3 })).toBe(false);
  });
});
