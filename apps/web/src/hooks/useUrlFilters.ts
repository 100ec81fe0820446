import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Filters in the query string (shareable, bookmarkable), for the given keys; an empty value removes its key. */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();

  const filters = useMemo(() => {
    const result: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [params, keys]);

  const setFilter = useCallback(
    (key: K, value: string | string[] | undefined | null) => {
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
  return { filters, setFilter, clear, active: Object.keys(filters).length > 0, key: params.toString() };
}
