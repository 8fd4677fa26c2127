import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { lazyPage } from './lazyPage';

const Duties = () => <p>duties</p>;

describe('lazyPage', () => {
  it('once preloaded, renders the page at once (a suspending page cannot render without a Suspense boundary)', async () => {
    const load = vi.fn(() => Promise.resolve({ default: Duties }));
    const Page = lazyPage(load);
    await Page.preload();
    await Page.preload();
    expect(load).toHaveBeenCalledTimes(1);
    expect(renderToStaticMarkup(<Page />)).toBe('<p>duties</p>');
  });

  it('before its chunk is here, suspends', () => {
    const Page = lazyPage(() => new Promise(() => undefined));
    expect(() => renderToStaticMarkup(<Page />)).toThrow();
  });

  it('asks again for a chunk that failed to arrive', async () => {
    const load = vi
      .fn<() => Promise<{ default: typeof Duties }>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ default: Duties });
    const Page = lazyPage(load);
    await expect(Page.preload()).rejects.toThrow('offline');
    await Page.preload();
    expect(load).toHaveBeenCalledTimes(2);
    expect(renderToStaticMarkup(<Page />)).toBe('<p>duties</p>');
  });
});
