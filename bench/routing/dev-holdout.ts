import { readFileSync } from 'fs';
import { join } from 'path';
import { TicketClassifier } from '@hub/routing/classifier';
import { loadLabelledSet, toExample } from './dataset';
const clf = TicketClassifier.train(loadLabelledSet().map(toExample), JSON.parse(process.argv[2] ?? '{}'));
const cases = readFileSync(join(__dirname, 'data/holdout-probe.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
let ok = 0, heads = 0;
for (const c of cases) {
  const r = clf.classify({ text: c.text, feed: c.feed, kind: c.kind });
  const good = r.leadDepartment === c.expected.lead; if (good) ok++;
  const h = ['category', 'violation', 'stage'].filter((k) => (r as any)[k] === c.expected[k]).length; heads += h;
  if (!good || h < 3) console.log(`${good ? 'ok ' : 'BAD'} ${c.id}: exp ${c.expected.category}/${c.expected.violation}/${c.expected.stage}→${c.expected.lead} got ${r.category}/${r.violation}/${r.stage}→${r.leadDepartment} ${r.confidence.toFixed(2)}\n     ${r.explanation}`);
  else console.log(`ok  ${c.id} ${r.confidence.toFixed(2)}`);
}
console.log(`lead ${ok}/${cases.length} heads ${heads}/${cases.length * 3}`);
