import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { resolveRegion } from './region-resolver';

interface LabelledComplaint {
  id: string;
  feed: string;
  text: string;
  address: string | null;
  expected: { region: string };
}

const DATA_DIR = join(__dirname, '../../routing/data');
const CANDIDATE_FILES = ['routing-public.jsonl', 'routing-labelled.jsonl'];

function loadLabelled(): LabelledComplaint[] {
  const file = CANDIDATE_FILES.map((f) => join(DATA_DIR, f)).find((f) => existsSync(f));
  if (!file) throw new Error(`no labelled complaints in ${DATA_DIR}`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledComplaint);
}

function misses(items: LabelledComplaint[], input: (c: LabelledComplaint) => { address?: string | null; text?: string | null }): string[] {
  return items
    .map((c) => ({ c, got: resolveRegion(input(c)) }))
    .filter(({ c, got }) => got.regionCode !== c.expected.region)
    .map(({ c, got }) => `${c.id} expected ${c.expected.region} got ${got.regionCode} (${got.source}) | ${c.address} | ${c.text.slice(0, 80)}`);
}

describe('region of the labelled complaints', () => {
  const labelled = loadLabelled();

  it('resolves every labelled complaint from its address and text', () => {
    const missed = misses(labelled, (c) => ({ address: c.address, text: c.text }));
    if (missed.length > 0) console.log(`region misses ${missed.length}/${labelled.length}:\n${missed.join('\n')}`);
    expect(labelled.length).toBeGreaterThanOrEqual(200);
    expect(missed).toEqual([]);
  });

  it('resolves them from the text alone where they have an address', () => {
    const withAddress = labelled.filter((c) => c.address !== null);
    const missed = misses(withAddress, (c) => ({ text: c.text }));
    if (missed.length > 0) console.log(`text-only misses ${missed.length}/${withAddress.length}:\n${missed.join('\n')}`);
    expect(missed.length / withAddress.length).toBeLessThanOrEqual(0.02);
  });
});
