import { useCallback, useEffect, useRef, useState } from 'react';

const FRESH_MS = 4000;

/** Rows that just arrived, highlighted for a few seconds. */
export function useFreshRows() {
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  const mark = useCallback((ids: string[]) => {
    if (!ids.length) return;
    setFresh((prev) => new Set([...prev, ...ids]));
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setFresh((prev) => new Set([...prev].filter((id) => !ids.includes(id))));
    }, FRESH_MS);
    timers.current.add(timer);
  }, []);

  return { fresh, mark };
}
