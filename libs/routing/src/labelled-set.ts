import { readFileSync } from 'node:fs';
import { projectPath } from '@hub/core/project-root';
import type { LabelledExample } from './classifier';

/** One line of the shipped labelled set (a copy of the public routing set). */
export interface LabelledRecord {
  id: string;
  feed: string;
  kind: string;
  text: string;
  subjectName: string | null;
  address: string | null;
  expected: { category: string; violation: string; stage: string; region: string; lead: string; assist: string[]; rule: string };
}

export const SHIPPED_LABELLED_SET = projectPath('libs', 'routing', 'data', 'routing-labelled.jsonl');

export function readLabelledSet(path = SHIPPED_LABELLED_SET): LabelledRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledRecord);
}

export function toExample(record: LabelledRecord): LabelledExample {
  return {
    text: record.text,
    subjectName: record.subjectName,
    productName: null,
    feed: record.feed,
    kind: record.kind,
    regionCode: record.expected.region,
    category: record.expected.category,
    violation: record.expected.violation,
    stage: record.expected.stage,
  };
}
