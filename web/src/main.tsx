import '@trussworks/react-uswds/lib/uswds.css';
import '@trussworks/react-uswds/lib/index.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { pageAt } from './app/pages';

/** How long the first render waits for the opening page's chunk before it renders anyway (and suspends). */
const PRELOAD_WAIT_MS = 2000;

/** The page of the address the app opens on, fetched before the first render (see lazyPage). */
function preloadOpeningPage(): Promise<unknown> {
  const page = pageAt(window.location.pathname)?.page;
  if (!page) return Promise.resolve();
  return Promise.race([page.preload().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, PRELOAD_WAIT_MS))]);
}

void preloadOpeningPage().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
