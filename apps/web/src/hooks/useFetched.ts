import { useEffect, useRef, useState } from 'react';
import { useErrorHandler } from './useErrorHandler';

type Fetched<T> = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; data: T };

/** Loads once per `key`; a slower answer for an older key is dropped. */
export function useFetched<T>(key: string, load: () => Promise<T>): Fetched<T> {
  const onError = useErrorHandler();
  const [result, setResult] = useState<Fetched<T>>({ state: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    loadRef.current().then(
      (data) => current && setResult({ state: 'ready', data }),
      (error) => {
        if (!current) return;
        setResult({ state: 'failed' });
        onError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [key, onError]);

  return result;
}
