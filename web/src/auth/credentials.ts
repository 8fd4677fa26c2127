/**
 * How the app proves who is signed in. The access token lives in this module's memory only
 * (never in localStorage or sessionStorage), so a reload signs the person out; once the
 * service's browser session (HttpOnly cookie + CSRF header) is available this is where it goes.
 */
type Listener = () => void;

let accessToken: string | null = null;
const expiryListeners = new Set<Listener>();

export const credentials = {
  set(token: string | null): void {
    accessToken = token;
  },
  get signedIn(): boolean {
    return accessToken !== null;
  },
  headersFor(_method: string): Record<string, string> {
    return accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
  },
  /** The service refused the credentials: forget them and tell the session. */
  expired(): void {
    if (accessToken === null) return;
    accessToken = null;
    for (const listener of expiryListeners) listener();
  },
  onExpired(listener: Listener): () => void {
    expiryListeners.add(listener);
    return () => expiryListeners.delete(listener);
  },
};
