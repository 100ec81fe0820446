import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { authApi } from '../api/endpoints';
import { session } from '../api/session';
import type { Role } from '@hub/contracts';
import type { Me } from '../api/types';

type AuthState = { status: 'loading' } | { status: 'signedOut'; expired: boolean } | { status: 'signedIn'; me: Me; token: string };

interface AuthValue {
  state: AuthState;
  login: (username: string, password: string) => Promise<void>;
  logout: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

async function loadMe(token: string): Promise<AuthState> {
  const me = await authApi.me();
  return { status: 'signedIn', me, token };
}

/** The server said the session is over (not: it was busy, restarting or out of reach). */
const sessionRefused = (error: unknown) => error instanceof ApiError && (error.status === 401 || error.status === 403);
const RESUME_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

/**
 * A reload keeps the tab's session: a busy or restarting server, or a dropped connection, is waited out
 * instead of sending the user back to the login page. Only the server's refusal ends the session.
 */
async function resumeSession(token: string): Promise<AuthState> {
  for (const delay of [...RESUME_DELAYS_MS, null]) {
    try {
      return await loadMe(session.token() ?? token);
    } catch (error) {
      if (sessionRefused(error) || delay === null) return { status: 'signedOut', expired: sessionRefused(error) };
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return { status: 'signedOut', expired: false };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(() => (session.token() ? { status: 'loading' } : { status: 'signedOut', expired: false }));

  useEffect(() => {
    const token = session.token();
    if (token) void resumeSession(token).then(setState);
    return session.onExpired(() => setState({ status: 'signedOut', expired: true }));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const tokens = await authApi.login(username, password);
    session.save(tokens);
    const { accessToken } = tokens;
    try {
      setState(await loadMe(accessToken));
    } catch (error) {
      session.clear();
      throw error;
    }
  }, []);

  const logout = useCallback(() => {
    setState({ status: 'signedOut', expired: false });
    // Pages release their claims while unmounting, after this render; the token must outlive them,
    // then the server ends the session (its tokens and sockets) before the tab forgets it.
    setTimeout(() => {
      void authApi.logout().catch(() => undefined).finally(() => session.clear());
    }, 0);
  }, []);

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'signedIn') throw new Error('useMe while signed out');
  return state.me;
}

export type Workspace = 'operator' | 'supervisor' | 'unit' | 'police' | 'prosecutor' | 'rewards' | 'admin' | 'none';

const WORKSPACE_BY_ROLE: [Role, Workspace][] = [
  ['OPERATOR', 'operator'],
  ['SUPERVISOR', 'supervisor'],
  ['UNIT_HEAD', 'unit'],
  ['HANDLER', 'unit'],
  ['POLICE_LIAISON', 'police'],
  ['PROSECUTOR', 'prosecutor'],
  ['REWARD_OFFICER', 'rewards'],
  ['FINANCE', 'rewards'],
  ['ADMIN', 'admin'],
];

export function workspaceOf(roles: readonly Role[]): Workspace {
  return WORKSPACE_BY_ROLE.find(([role]) => roles.includes(role))?.[1] ?? 'none';
}

export function useWorkspace(): Workspace {
  return workspaceOf(useMe().roles);
}

export function useHasRole(...roles: Role[]): boolean {
  const me = useMe();
  return me.roles.some((role) => roles.includes(role));
}
