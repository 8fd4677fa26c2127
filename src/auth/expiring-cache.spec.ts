import { ExpiringCache } from './expiring-cache.js';

/** A load that answers when told to, counting its calls. */
function controlledLoad() {
  const pending: Array<{ resolve: (v: string) => void; reject: (e: Error) => void }> = [];
  const load = () =>
    new Promise<string>((resolve, reject) => {
      pending.push({ resolve, reject });
    });
  return { load, pending };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('ExpiringCache', () => {
  let now = 0;
  const cache = () => new ExpiringCache<string>(2000, 10, () => now);
  beforeEach(() => {
    now = 1_000_000;
  });

  it('loads once for a burst of reads of one key', async () => {
    const c = cache();
    const { load, pending } = controlledLoad();
    const reads = [c.get('u', load), c.get('u', load), c.get('u', load)];
    expect(pending).toHaveLength(1);
    pending[0].resolve('v1');
    expect(await Promise.all(reads)).toEqual(['v1', 'v1', 'v1']);
  });

  it('answers from the entry in its first half-life without loading', async () => {
    const c = cache();
    c.set('u', 'v1');
    now += 999;
    const { load, pending } = controlledLoad();
    expect(await c.get('u', load)).toBe('v1');
    expect(pending).toHaveLength(0);
  });

  it('past half its life, answers at once from the entry and refreshes it in the background, once', async () => {
    const c = cache();
    c.set('u', 'v1');
    now += 1500;
    const { load, pending } = controlledLoad();
    expect(await c.get('u', load)).toBe('v1');
    expect(await c.get('u', load)).toBe('v1');
    expect(pending).toHaveLength(1);
    pending[0].resolve('v2');
    await settle();
    expect(await c.get('u', load)).toBe('v2');
    // the refreshed entry lives a whole ttl from the refresh
    now += 1999;
    expect(await c.get('u', load)).toBe('v2');
  });

  it('never answers from an entry older than its ttl: the read waits for the load', async () => {
    const c = cache();
    c.set('u', 'v1');
    now += 2000;
    const { load, pending } = controlledLoad();
    let answered: string | null = null;
    const read = c.get('u', load).then((v) => (answered = v));
    await settle();
    expect(answered).toBeNull();
    pending[0].resolve('v2');
    await read;
    expect(answered).toBe('v2');
  });

  it('a failed background refresh fails no read, and the read at expiry loads again', async () => {
    const c = cache();
    c.set('u', 'v1');
    now += 1500;
    const { load, pending } = controlledLoad();
    expect(await c.get('u', load)).toBe('v1');
    pending[0].reject(new Error('database away'));
    await settle();
    now += 600; // past the ttl of the first entry
    const read = c.get('u', load);
    expect(pending).toHaveLength(2);
    pending[1].resolve('v2');
    expect(await read).toBe('v2');
  });

  it('a delete drops the entry and keeps a load that began before it out of the cache', async () => {
    const c = cache();
    c.set('u', 'v1');
    now += 1500;
    const { load, pending } = controlledLoad();
    expect(await c.get('u', load)).toBe('v1');
    c.delete('u'); // e.g. the user signed out everywhere while the refresh ran
    pending[0].resolve('stale');
    await settle();
    const read = c.get('u', load);
    expect(pending).toHaveLength(2);
    pending[1].resolve('fresh');
    expect(await read).toBe('fresh');
  });
});
