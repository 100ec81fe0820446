import { loadLabelledSet } from './dataset';
import { crossValidate } from './cross-validation';
import { regionResolver } from './region';

const records = loadLabelledSet();
const region = regionResolver();
const args = JSON.parse(process.argv[2] ?? '{}');
const t0 = Date.now();
const preds = crossValidate(records, { k: 10, seed: 20261130, train: args, regionOf: region.regionOf });
const acc = (f: (p: (typeof preds)[number]) => boolean) => (preds.filter(f).length / preds.length * 100).toFixed(1);
console.log('ms', Date.now() - t0, region.name);
console.log('cat', acc((p) => p.classification.category === p.record.expected.category), 'vio', acc((p) => p.classification.violation === p.record.expected.violation), 'stage', acc((p) => p.classification.stage === p.record.expected.stage), 'lead', acc((p) => p.classification.leadDepartment === p.record.expected.lead), 'unit', acc((p) => p.leadUnit === p.expectedLeadUnit), 'region', acc((p) => p.region === p.record.expected.region));
for (const th of [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]) {
  const auto = preds.filter((p) => p.classification.confidence >= th);
  console.log(th, 'share', (auto.length / preds.length * 100).toFixed(1), 'prec', (auto.filter((p) => p.leadUnit === p.expectedLeadUnit).length / auto.length * 100).toFixed(1));
}
if (args.show) for (const p of preds) {
  if (p.classification.leadDepartment !== p.record.expected.lead) {
    const e = p.record.expected;
    console.log(`${p.record.id} ${p.record.feed} exp ${e.category}/${e.violation}/${e.stage}→${e.lead} got ${p.classification.category}/${p.classification.violation}/${p.classification.stage}→${p.classification.leadDepartment} conf ${p.classification.confidence.toFixed(2)}\n   ${p.classification.explanation}\n   ${p.record.text.slice(0, 120)}`);
  }
}
