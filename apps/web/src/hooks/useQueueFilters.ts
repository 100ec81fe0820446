import type { QueueFilters } from '../api/endpoints';
import { useUrlFilters } from './useUrlFilters';

const FILTER_KEYS = ['status', 'feed', 'region', 'category', 'q'] as const satisfies readonly (keyof QueueFilters)[];

/** The queue's filters, in the query string so a view can be shared or bookmarked. */
export function useQueueFilters() {
  const { filters, ...rest } = useUrlFilters(FILTER_KEYS);
  return { filters: filters as QueueFilters, ...rest };
}

export function splitList(value: string | undefined): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}
