import { useEffect, useState } from 'react';
import { consoleApi } from '../api/endpoints';
import type { RegionSuggestion } from '../api/types';
import { useDebounced } from './useDebounced';

const MIN_TEXT = 2;

/** The region the system would resolve from what the operator has typed so far. */
export function useRegionSuggestion(text: string): RegionSuggestion | null {
  const debounced = useDebounced(text.trim(), 500);
  const [suggestion, setSuggestion] = useState<RegionSuggestion | null>(null);
  useEffect(() => {
    if (debounced.length < MIN_TEXT) {
      setSuggestion(null);
      return;
    }
    let current = true;
    consoleApi.suggestRegion(debounced).then(
      (next) => current && setSuggestion(next),
      () => current && setSuggestion(null),
    );
    return () => {
      current = false;
    };
  }, [debounced]);
  return suggestion;
}
