import type { LabelledRecord } from './dataset';

export type RegionSource = string;

interface RegionResolver {
  (input: { address?: string | null; text?: string | null }): { regionCode: string; source: string };
}

/** @hub/taxonomy's resolveRegion when present; the labelled region otherwise (and the report says so). */
export function regionResolver(): { name: string; regionOf: (record: LabelledRecord) => { regionCode: string; source: RegionSource } } {
  let resolve: RegionResolver | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    resolve = (require('@hub/taxonomy') as { resolveRegion?: RegionResolver }).resolveRegion;
  } catch {
    resolve = undefined;
  }
  if (!resolve) {
    return { name: 'expected region from the labelled set (@hub/taxonomy resolveRegion unavailable)', regionOf: (r) => ({ regionCode: r.expected.region, source: 'EXPECTED' }) };
  }
  const fn = resolve;
  return {
    name: '@hub/taxonomy resolveRegion({ address, text })',
    regionOf: (r) => {
      const { regionCode, source } = fn({ address: r.address, text: r.text });
      return { regionCode, source };
    },
  };
}
