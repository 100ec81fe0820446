import { useEffect, useRef } from 'react';
import type { Page, TicketEvent } from '@hub/contracts';
import { useMe } from '../context/AuthContext';
import { useLiveEvent } from '../context/LiveContext';
import { mergeHead } from '../lib/mergeHead';
import type { KeysetList } from './useKeysetList';

const FLUSH_MS = 300;

/** True when the event is about a ticket the unit leads or assists on (the socket sends only those, but a supervisor's sends all). */
export function concernsUnit(event: TicketEvent, unit: string | null): boolean {
  return unit === null || event.leadUnit === unit || (event.assistUnits ?? []).includes(unit);
}

/** Keeps a unit's list current from the live socket: a dispatched ticket appears without reload. */
export function useUnitLive<T extends { id: string }>(list: KeysetList<T>, fetchHead: () => Promise<Page<T>>, onArrived?: (ids: string[]) => void, scoped = true) {
  const me = useMe();
  const unit = scoped ? me.unit : null;
  const listRef = useRef(list);
  listRef.current = list;
  const fetchRef = useRef(fetchHead);
  fetchRef.current = fetchHead;
  const pending = useRef({ changed: new Set<string>(), timer: null as ReturnType<typeof setTimeout> | null });

  useEffect(() => {
    const state = pending.current;
    return () => {
      if (state.timer) clearTimeout(state.timer);
    };
  }, []);

  const flush = async () => {
    const state = pending.current;
    const changed = state.changed;
    state.timer = null;
    state.changed = new Set();
    const page = await fetchRef.current();
    const current = listRef.current;
    const before = new Set(current.items.map((row) => row.id));
    current.update((items) => mergeHead(items, page.items, changed, !current.hasMore));
    const arrived = page.items.filter((row) => !before.has(row.id)).map((row) => row.id);
    if (arrived.length) onArrived?.(arrived);
  };

  const onEvent = (event: TicketEvent) => {
    if (!concernsUnit(event, unit)) return;
    pending.current.changed.add(event.id);
    if (!pending.current.timer) pending.current.timer = setTimeout(() => void flush().catch(() => undefined), FLUSH_MS);
  };

  useLiveEvent('ticket.created', onEvent);
  useLiveEvent('ticket.updated', onEvent);
}
