import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@hub/contracts';
import { useErrorHandler } from './useErrorHandler';

export interface KeysetList<T> {
  items: T[];
  total: number;
  loading: boolean;
  loaded: boolean;
  hasMore: boolean;
  loadMore: () => void;
  /** Fetches the first page again and replaces the list with it, keeping what is shown until it arrives. */
  refresh: () => void;
  update: (change: (items: T[]) => T[]) => void;
}

interface State<T> {
  items: T[];
  total: number;
  cursor: string | null;
  loading: boolean;
  loaded: boolean;
}

const EMPTY = { items: [], total: 0, cursor: null, loading: true, loaded: false };

export function useKeysetList<T extends { id: string }>(fetchPage: (cursor: string | null) => Promise<Page<T>>, key: string, epoch = 0): KeysetList<T> {
  const onError = useErrorHandler();
  const [state, setState] = useState<State<T>>(EMPTY);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const generation = useRef(0);
  const busy = useRef(false);

  const load = useCallback(
    (cursor: string | null, reset: boolean) => {
      const mine = reset ? ++generation.current : generation.current;
      busy.current = true;
      setState((prev) => ({ ...prev, loading: true }));
      fetchRef.current(cursor).then(
        (page) => {
          if (mine !== generation.current) return;
          busy.current = false;
          setState((prev) => {
            const known = reset ? new Set<string>() : new Set(prev.items.map((item) => item.id));
            const fresh = page.items.filter((item) => !known.has(item.id));
            return { items: reset ? fresh : [...prev.items, ...fresh], total: page.total, cursor: page.nextCursor, loading: false, loaded: true };
          });
        },
        (error) => {
          if (mine !== generation.current) return;
          busy.current = false;
          setState((prev) => ({ ...prev, loading: false, loaded: true }));
          onError(error);
        },
      );
    },
    [onError],
  );

  useEffect(() => {
    setState(EMPTY);
    load(null, true);
  }, [key, load]);

  const seenEpoch = useRef(epoch);
  useEffect(() => {
    if (epoch === seenEpoch.current) return;
    seenEpoch.current = epoch;
    load(null, true);
  }, [epoch, load]);

  const cursor = state.cursor;
  const loadMore = useCallback(() => {
    if (!busy.current && cursor) load(cursor, false);
  }, [cursor, load]);
  const refresh = useCallback(() => load(null, true), [load]);
  const update = useCallback((change: (items: T[]) => T[]) => {
    setState((prev) => {
      const items = change(prev.items);
      return items === prev.items ? prev : { ...prev, items, total: Math.max(0, prev.total + items.length - prev.items.length) };
    });
  }, []);

  return { items: state.items, total: state.total, loading: state.loading, loaded: state.loaded, hasMore: cursor !== null, loadMore, refresh, update };
}
