import { existsSync } from 'fs';
import { join } from 'path';
import { readLabelledSet, type LabelledRecord } from '@hub/routing/labelled-set';

export type { LabelledRecord } from '@hub/routing/labelled-set';
export { toExample } from '@hub/routing/labelled-set';

const ROOT = join(__dirname, '..', '..');
const CANDIDATES = [
  join(ROOT, 'libs/routing/data/routing-public.jsonl'),
  join(ROOT, 'libs/routing/data/routing-labelled.jsonl'),
  join(ROOT, '../shared/data/routing-public.jsonl'),
];

export function labelledSetPath(explicit?: string): string {
  const path = explicit ?? CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path || !existsSync(path)) throw new Error(`labelled set not found (looked in ${CANDIDATES.join(', ')})`);
  return path;
}

export function loadLabelledSet(path = labelledSetPath()): LabelledRecord[] {
  return readLabelledSet(path);
}
