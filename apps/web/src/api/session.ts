const TOKEN_KEY = 'hub.token';
const REFRESH_KEY = 'hub.refresh';
const EXPIRES_KEY = 'hub.tokenExpiresAt';

type Listener = () => void;
const expiredListeners = new Set<Listener>();

export interface SessionTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

/** The login session of this tab: a short-lived access token and the refresh token that renews it. */
export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  refreshToken: (): string | null => sessionStorage.getItem(REFRESH_KEY),
  /** True when the access token is gone or ends within the margin (renew before sending). */
  expiresWithin(seconds: number): boolean {
    const at = Number(sessionStorage.getItem(EXPIRES_KEY) ?? 0);
    return Date.now() + seconds * 1000 >= at;
  },
  save(tokens: SessionTokens) {
    sessionStorage.setItem(TOKEN_KEY, tokens.accessToken);
    sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
    sessionStorage.setItem(EXPIRES_KEY, String(Date.now() + tokens.expiresIn * 1000));
  },
  clear() {
    for (const key of [TOKEN_KEY, REFRESH_KEY, EXPIRES_KEY]) sessionStorage.removeItem(key);
  },
  expire() {
    session.clear();
    expiredListeners.forEach((listener) => listener());
  },
  onExpired(listener: Listener): () => void {
    expiredListeners.add(listener);
    return () => expiredListeners.delete(listener);
  },
};
