import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { consoleApi } from '../api/endpoints';
import type { Counters } from '@hub/contracts';
import { useLive, useLiveEvent } from './LiveContext';

const CountersContext = createContext<Counters | null>(null);

export function CountersProvider({ children }: { children: ReactNode }) {
  const { epoch } = useLive();
  const [counters, setCounters] = useState<Counters | null>(null);

  useEffect(() => {
    let current = true;
    consoleApi.counters().then(
      (next) => current && setCounters(next),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [epoch]);
  useLiveEvent('counters', setCounters);

  return <CountersContext.Provider value={counters}>{children}</CountersContext.Provider>;
}

export function useCounters(): Counters | null {
  return useContext(CountersContext);
}
