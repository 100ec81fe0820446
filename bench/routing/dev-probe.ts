import { TicketClassifier } from '@hub/routing/classifier';
import { HANDCRAFTED_CASES } from '../../libs/routing/src/classifier/fixtures/handcrafted-cases';
import { loadLabelledSet, toExample } from './dataset';
const clf = TicketClassifier.train(loadLabelledSet().map(toExample), JSON.parse(process.argv[2] ?? '{}'));
let ok = 0, heads = 0;
for (const c of HANDCRAFTED_CASES) {
  const r = clf.classify({ text: c.text, feed: c.feed, kind: c.kind });
  const good = r.leadDepartment === c.expected.lead;
  if (good) ok++;
  const h = ['category', 'violation', 'stage'].filter((k) => (r as any)[k] === (c.expected as any)[k]).length; heads += h;
  if (!good || h < 3 || process.argv[3]) console.log(`${good ? 'ok ' : 'BAD'} ${c.name}: exp ${c.expected.category}/${c.expected.violation}/${c.expected.stage}→${c.expected.lead} got ${r.category}/${r.violation}/${r.stage}→${r.leadDepartment} ${r.confidence.toFixed(2)}\n     ${r.explanation}`);
}
console.log(`lead ${ok}/${HANDCRAFTED_CASES.length} heads ${heads}/${HANDCRAFTED_CASES.length * 3}`);
