import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi } from '../api/endpoints';
import { session } from '../api/session';
import type { Me, Role } from '../api/types';

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

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(() => (session.token() ? { status: 'loading' } : { status: 'signedOut', expired: false }));

  useEffect(() => {
    const token = session.token();
    if (token) loadMe(token).then(setState, () => setState({ status: 'signedOut', expired: false }));
    return session.onExpired(() => setState({ status: 'signedOut', expired: true }));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const { accessToken } = await authApi.login(username, password);
    session.save(accessToken);
    try {
      setState(await loadMe(accessToken));
    } catch (error) {
      session.clear();
      throw error;
    }
  }, []);

  const logout = useCallback(() => {
    setState({ status: 'signedOut', expired: false });
    // Pages release their claims while unmounting, after this render; the token must outlive them.
    setTimeout(() => session.clear(), 0);
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

export type Workspace = 'operator' | 'supervisor' | 'rewards' | 'admin' | 'none';

export function workspaceOf(roles: Role[]): Workspace {
  if (roles.includes('OPERATOR')) return 'operator';
  if (roles.includes('SUPERVISOR')) return 'supervisor';
  if (roles.includes('REWARD_OFFICER') || roles.includes('FINANCE')) return 'rewards';
  if (roles.includes('ADMIN')) return 'admin';
  return 'none';
}

/** Workspaces on the live console connection (socket, counters). */
export const isConsoleWorkspace = (workspace: Workspace) => workspace === 'operator' || workspace === 'supervisor';

export function useWorkspace(): Workspace {
  return workspaceOf(useMe().roles);
}
