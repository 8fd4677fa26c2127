/**
 * How the app proves who is signed in: the service's browser session, an HttpOnly cookie the page
 * never sees, plus the double-submit CSRF token (the readable `cmfc_csrf` cookie echoed in
 * `X-CSRF-Token` on every change). Nothing is kept in localStorage or sessionStorage.
 */
type Listener = () => void;

const CSRF_COOKIE = 'cmfc_csrf';
let signedIn = false;
const expiryListeners = new Set<Listener>();

function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}

export const credentials = {
  setSignedIn(value: boolean): void {
    signedIn = value;
  },
  headersFor(method: string): Record<string, string> {
    if (method === 'GET' || method === 'HEAD') return {};
    const token = csrfToken();
    return token ? { 'X-CSRF-Token': token } : {};
  },
  /** The service refused the session (expired, revoked, signed out elsewhere): tell the app once. */
  expired(): void {
    if (!signedIn) return;
    signedIn = false;
    for (const listener of expiryListeners) listener();
  },
  onExpired(listener: Listener): () => void {
    expiryListeners.add(listener);
    return () => expiryListeners.delete(listener);
  },
};
