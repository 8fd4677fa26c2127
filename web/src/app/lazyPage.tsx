import { lazy, type ComponentType, type ReactElement } from 'react';

/** A page loaded as its own chunk, which can be fetched before it is first rendered. */
export interface LazyPage {
  (): ReactElement;
  /** Fetches the chunk; once it is here the page renders at once, without suspending. */
  preload(): Promise<void>;
}

/**
 * A page as its own chunk. Rendered before its chunk is here, it suspends (React.lazy) and the
 * nearest Suspense shows its fallback; React 19 then holds the page back until the fallback has
 * been up 300 ms, even when the chunk came from the cache in 20 ms, and the page's own requests
 * start only after that. main.tsx preloads the page of the address the app opens on before the
 * first render, so that page renders at once and asks for its data right away.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  let loaded: ComponentType | null = null;
  let loading: Promise<void> | null = null;
  const preload = (): Promise<void> =>
    (loading ??= load().then(
      (module) => {
        loaded = module.default;
      },
      (error: unknown) => {
        loading = null; // a chunk that failed to arrive is asked for again next time
        throw error;
      },
    ));
  const Suspending = lazy(() => preload().then(() => ({ default: loaded! })));
  function Page(): ReactElement {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Suspending />;
  }
  Page.preload = preload;
  return Page;
}
