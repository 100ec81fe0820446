import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import type { LabelledExample } from '@hub/routing/classifier';

export interface LabelledRecord {
  id: string;
  feed: string;
  kind: string;
  text: string;
  subjectName: string | null;
  address: string | null;
  expected: {
    category: string;
    violation: string;
    stage: string;
    region: string;
    lead: string;
    assist: string[];
    rule: string;
  };
}

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
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledRecord);
}

export function toExample(record: LabelledRecord): LabelledExample {
  return {
    text: record.text,
    subjectName: record.subjectName,
    feed: record.feed,
    kind: record.kind,
    category: record.expected.category,
    violation: record.expected.violation,
    stage: record.expected.stage,
  };
}
