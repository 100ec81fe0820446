import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DEADLINE_STATES, type DeadlineState } from '@hub/contracts';
import type { WorkbenchQuery } from '../api/caseTypes';

export const WORKBENCH_TABS = ['accept', 'progress', 'assist', 'overdue'] as const;
export type WorkbenchTab = (typeof WORKBENCH_TABS)[number];

const TAB_QUERY: Record<WorkbenchTab, WorkbenchQuery> = {
  accept: { role: 'lead', status: 'DISPATCHED' },
  progress: { role: 'lead', status: 'ACCEPTED,IN_PROGRESS,TRANSFERRED_TO_POLICE' },
  assist: { role: 'assist' },
  overdue: { deadline: 'overdue' },
};


/** The workbench's tab and deadline filter live in the query string, so a view can be shared. */
export function useWorkbenchFilters() {
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: WorkbenchTab = (WORKBENCH_TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as WorkbenchTab) : 'accept';
  const deadlineParam = params.get('deadline');
  const deadline = tab !== 'overdue' && DEADLINE_STATES.includes(deadlineParam as DeadlineState) ? (deadlineParam as DeadlineState) : undefined;

  const query = useMemo<WorkbenchQuery>(() => ({ ...TAB_QUERY[tab], ...(deadline ? { deadline } : {}) }), [tab, deadline]);

  const set = useCallback(
    (changes: Record<string, string | undefined>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return {
    tab,
    deadline,
    query,
    key: `${tab}|${deadline ?? ''}`,
    setTab: (next: WorkbenchTab) => set({ tab: next, deadline: next === 'overdue' ? undefined : deadline }),
    setDeadline: (next: DeadlineState | undefined) => set({ deadline: next }),
    clear: () => set({ deadline: undefined }),
  };
}
