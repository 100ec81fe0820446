import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { TicketClassifier } from '@hub/routing/classifier';
import { HANDCRAFTED_CASES } from '@hub/routing/classifier/fixtures/handcrafted-cases';

export interface ProbeCase {
  id: string;
  feed: string;
  kind: string;
  text: string;
  expected: { category: string; violation: string; stage: string; lead: string };
}

export interface ProbeResult {
  name: string;
  total: number;
  leadRight: number;
  headsRight: number;
  misses: string[];
}

const PROBE_DIR = join(__dirname, 'data');

/** The hand-written test cases, then every data/*.jsonl probe file. */
export function probeSets(): { name: string; cases: ProbeCase[] }[] {
  const sets: { name: string; cases: ProbeCase[] }[] = [{ name: 'handcrafted test cases', cases: HANDCRAFTED_CASES.map((c) => ({ ...c, id: c.name })) }];
  if (!existsSync(PROBE_DIR)) return sets;
  for (const file of readdirSync(PROBE_DIR).filter((f) => f.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(join(PROBE_DIR, file), 'utf8').split('\n').filter(Boolean);
    sets.push({ name: file.replace(/\.jsonl$/, ''), cases: lines.map((line) => JSON.parse(line) as ProbeCase) });
  }
  return sets;
}

export function runProbe(classifier: TicketClassifier, name: string, cases: readonly ProbeCase[]): ProbeResult {
  const result: ProbeResult = { name, total: cases.length, leadRight: 0, headsRight: 0, misses: [] };
  for (const c of cases) {
    const got = classifier.classify({ text: c.text, feed: c.feed, kind: c.kind });
    const heads = (['category', 'violation', 'stage'] as const).filter((h) => got[h] === c.expected[h]).length;
    result.headsRight += heads;
    if (got.leadDepartment === c.expected.lead) result.leadRight++;
    else result.misses.push(`${c.id}: ${c.expected.lead} → ${got.leadDepartment} (${got.confidence.toFixed(2)})`);
  }
  return result;
}
