import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';

interface LeaveGuard {
  /** Sets (or clears, with null) the question asked before the visitor leaves the page. */
  set: (question: string | null) => void;
  /** True when leaving is fine: no question pending, or the visitor agreed. */
  mayLeave: () => boolean;
}

const LeaveGuardContext = createContext<LeaveGuard>({ set: () => undefined, mayLeave: () => true });

export function LeaveGuardProvider({ children }: { children: ReactNode }) {
  const question = useRef<string | null>(null);
  const value = useMemo<LeaveGuard>(
    () => ({
      set: (next) => {
        question.current = next;
      },
      mayLeave: () => {
        if (!question.current) return true;
        if (!window.confirm(question.current)) return false;
        question.current = null;
        return true;
      },
    }),
    [],
  );
  return <LeaveGuardContext.Provider value={value}>{children}</LeaveGuardContext.Provider>;
}

/**
 * While `question` is set, closing or reloading the tab, the browser's back button and the portal's own links
 * ask it first: the PIN on screen cannot be shown again.
 */
export function useLeaveGuard(question: string | null): void {
  const guard = useContext(LeaveGuardContext);
  useEffect(() => {
    guard.set(question);
    if (!question) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    // An extra entry on the same address: "back" pops it and lands here again, where we can ask.
    window.history.pushState(window.history.state, '');
    const onPopState = () => {
      if (window.confirm(question)) {
        guard.set(null);
        window.removeEventListener('popstate', onPopState);
        window.history.back();
      } else {
        window.history.pushState(window.history.state, '');
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('popstate', onPopState);
    return () => {
      guard.set(null);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('popstate', onPopState);
    };
  }, [question, guard]);
}

/** Navigation for the portal's own links and buttons, through the leave guard. */
export function useGuardedNavigate(): (to: string, state?: unknown) => void {
  const guard = useContext(LeaveGuardContext);
  const navigate = useNavigate();
  return useCallback(
    (to: string, state?: unknown) => {
      if (guard.mayLeave()) navigate(to, { state });
    },
    [guard, navigate],
  );
}
