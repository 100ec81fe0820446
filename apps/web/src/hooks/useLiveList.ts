import { useEffect, useRef } from 'react';
import type { QueueFilters } from '../api/endpoints';
import { consoleApi } from '../api/endpoints';
import { TRIAGE_STATUSES, type ClaimChangedEvent, type TicketEvent, type TicketSummary } from '@hub/contracts';
import { useLiveEvent } from '../context/LiveContext';
import type { KeysetList } from './useKeysetList';
import { splitList } from './useQueueFilters';

const FLUSH_MS = 400;
const HEAD_LIMIT = 50;

function matches(row: Pick<TicketSummary, 'status' | 'feed' | 'regionCode' | 'category'>, filters: QueueFilters): boolean {
  const within = (value: string | null, filter: string | undefined) => !filter || (value !== null && splitList(filter).includes(value));
  return within(row.status, filters.status) && within(row.feed, filters.feed) && within(row.regionCode, filters.region) && within(row.category, filters.category);
}

function patchEvent<T extends TicketSummary>(row: T, event: TicketEvent): T {
  if (event.version < row.version) return row;
  return { ...row, status: event.status, version: event.version, leadUnit: event.leadUnit ?? row.leadUnit, assistUnits: event.assistUnits ?? row.assistUnits };
}

function newestFirstIndex(items: TicketSummary[], row: TicketSummary): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid].receivedAt > row.receivedAt) low = mid + 1;
    else high = mid;
  }
  return low;
}

function useClaimPatches<T extends TicketSummary>(list: KeysetList<T>) {
  useLiveEvent('claim.changed', ({ ticketId, claim }: ClaimChangedEvent) =>
    list.update((items) => (items.some((row) => row.id === ticketId) ? items.map((row) => (row.id === ticketId ? { ...row, claim } : row)) : items)),
  );
}

/** Keeps the newest-first live queue current: arrivals inserted in place, changed rows patched, rows leaving the filter removed. */
export function useQueueLive(list: KeysetList<TicketSummary>, filters: QueueFilters, onArrived: (ids: string[]) => void) {
  const listRef = useRef(list);
  listRef.current = list;
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const pending = useRef({ head: false, rows: new Map<string, string>(), timer: null as ReturnType<typeof setTimeout> | null });

  useEffect(() => {
    const state = pending.current;
    return () => {
      if (state.timer) clearTimeout(state.timer);
    };
  }, []);

  const fetchHead = async () => {
    const page = await consoleApi.queue(filtersRef.current, null, HEAD_LIMIT);
    const current = listRef.current;
    const known = new Set(current.items.map((row) => row.id));
    const arrived = page.items.filter((row) => !known.has(row.id));
    if (page.items.length === HEAD_LIMIT && arrived.length === page.items.length && current.items.length > 0) {
      current.refresh();
      return;
    }
    const oldest = current.items[current.items.length - 1]?.receivedAt ?? '';
    const insertable = arrived.filter((row) => !current.hasMore || row.receivedAt >= oldest);
    if (!insertable.length) return;
    current.update((items) => {
      const next = [...items];
      for (const row of insertable) if (!next.some((existing) => existing.id === row.id)) next.splice(newestFirstIndex(next, row), 0, row);
      return next;
    });
    onArrived(insertable.map((row) => row.id));
  };

  const fetchRow = async (id: string, trackingCode: string) => {
    const page = await consoleApi.queue({ q: trackingCode }, null, 1);
    const fresh = page.items.find((row) => row.id === id);
    if (!fresh) return;
    const keep = matches(fresh, filtersRef.current);
    listRef.current.update((items) => (keep ? items.map((row) => (row.id === id ? fresh : row)) : items.filter((row) => row.id !== id)));
  };

  const flush = () => {
    const state = pending.current;
    state.timer = null;
    if (state.head) void fetchHead().catch(() => undefined);
    state.rows.forEach((code, id) => void fetchRow(id, code).catch(() => undefined));
    state.head = false;
    state.rows = new Map();
  };

  const schedule = () => {
    if (!pending.current.timer) pending.current.timer = setTimeout(flush, FLUSH_MS);
  };

  useLiveEvent('ticket.created', () => {
    pending.current.head = true;
    schedule();
  });

  useLiveEvent('ticket.updated', (event) => {
    const present = listRef.current.items.some((row) => row.id === event.id);
    if (!present) {
      if (filtersRef.current.status && splitList(filtersRef.current.status).includes(event.status)) {
        pending.current.head = true;
        schedule();
      }
      return;
    }
    listRef.current.update((items) =>
      items.flatMap((row) => {
        if (row.id !== event.id) return [row];
        const patched = patchEvent(row, event);
        return matches(patched, filtersRef.current) ? [patched] : [];
      }),
    );
    pending.current.rows.set(event.id, event.trackingCode);
    schedule();
  });

  useClaimPatches(list);
}

/** Keeps the oldest-first triage list current: tickets leaving triage drop out, tickets entering it appear once the end is in view. */
export function useTriageLive<T extends TicketSummary>(list: KeysetList<T>) {
  const listRef = useRef(list);
  listRef.current = list;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const onTicket = (event: TicketEvent) => {
    const current = listRef.current;
    const present = current.items.some((row) => row.id === event.id);
    const inTriage = TRIAGE_STATUSES.includes(event.status);
    if (present) {
      current.update((items) => (inTriage ? items.map((row) => (row.id === event.id ? patchEvent(row, event) : row)) : items.filter((row) => row.id !== event.id)));
    } else if (inTriage && !current.hasMore && !timer.current) {
      timer.current = setTimeout(() => {
        timer.current = null;
        listRef.current.refresh();
      }, FLUSH_MS);
    }
  };

  useLiveEvent('ticket.created', onTicket);
  useLiveEvent('ticket.updated', onTicket);
  useClaimPatches(list);
}
