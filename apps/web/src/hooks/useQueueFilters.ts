import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { QueueFilters } from '../api/endpoints';

const FILTER_KEYS = ['status', 'feed', 'region', 'category', 'q'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** Filters live in the query string so a view can be shared or bookmarked. */
export function useQueueFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<QueueFilters>(() => {
    const result: QueueFilters = {};
    for (const key of FILTER_KEYS) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [params]);

  const setFilter = useCallback(
    (key: FilterKey, value: string | string[] | undefined) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          const text = Array.isArray(value) ? value.join(',') : (value ?? '');
          if (text) next.set(key, text);
          else next.delete(key);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const active = Object.keys(filters).length > 0;
  return { filters, setFilter, clear, active, key: params.toString() };
}

export function splitList(value: string | undefined): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}
