import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveEvent } from '../context/LiveContext';
import { useErrorHandler } from './useErrorHandler';

/** Ticket events arriving within this time bring one refetch: the rollups behind the figures move once a minute. */
const REFETCH_AFTER_EVENT_MS = 30_000;

/** `stale`: the data shown are another key's (the period or filters just changed), to be dimmed while the new ones load. */
export type LiveFigures<T> = { data: T | null; loading: boolean; stale: boolean; failed: boolean; reload: () => void };

/**
 * Figures for `key`, fetched again (throttled) when tickets change anywhere: the previous figures
 * stay on screen while the next ones load, so neither a live refresh nor a new period blanks the charts.
 */
export function useLiveFigures<T>(key: string, load: () => Promise<T>): LiveFigures<T> {
  const onError = useErrorHandler();
  const [state, setState] = useState<{ data: T | null; loading: boolean; failed: boolean; key: string | null }>({ data: null, loading: true, failed: false, key: null });
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, failed: false }));
    loadRef.current().then(
      (data) => current && setState({ data, loading: false, failed: false, key }),
      (error) => {
        if (!current) return;
        setState((s) => ({ ...s, loading: false, failed: true }));
        onError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [key, round, onError]);

  useEffect(() => () => {
    if (pending.current) clearTimeout(pending.current);
  }, []);

  const later = useCallback(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      setRound((r) => r + 1);
    }, REFETCH_AFTER_EVENT_MS);
  }, []);
  useLiveEvent('ticket.created', later);
  useLiveEvent('ticket.updated', later);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: state.data, loading: state.loading, stale: state.key !== key, failed: state.failed, reload };
}
