import { DEFAULT_LEXICON, type Lexicon } from '@hub/routing/classifier';
import { loadLabelledSet } from './dataset';
import { crossValidate } from './cross-validation';
import { seededRandom } from './folds';
import { regionResolver } from './region';

const records = loadLabelledSet();
const region = regionResolver();
const drop = Number(process.argv[2] ?? 0.3);
const extra = JSON.parse(process.argv[3] ?? '{}');
for (const seed of [1, 2, 3]) {
  const random = seededRandom(seed);
  const keep = (e: { label: string | null }) => e.label === null || random() >= drop;
  const lexicon: Lexicon = {
    version: `dropout-${drop}-${seed}`,
    entries: { category: DEFAULT_LEXICON.entries.category.filter(keep), violation: DEFAULT_LEXICON.entries.violation.filter(keep), stage: DEFAULT_LEXICON.entries.stage.filter(keep) },
  };
  const preds = crossValidate(records, { k: 10, seed: 20261130, train: { lexicon, ...extra }, regionOf: region.regionOf });
  const ok = (p: (typeof preds)[number]) => p.leadUnit === p.expectedLeadUnit;
  const line = [`seed ${seed} lead-unit ${(preds.filter(ok).length / 2).toFixed(1)}%`];
  for (const th of [0.6, 0.7, 0.8, 0.9, 0.95]) {
    const auto = preds.filter((p) => p.classification.confidence >= th);
    line.push(`@${th} ${(auto.length / 2).toFixed(0)}%/${(auto.filter(ok).length / auto.length * 100).toFixed(1)}%`);
  }
  // reliability
  const bins = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01];
  const rel = bins.slice(0, -1).map((lo, i) => {
    const b = preds.filter((p) => p.classification.confidence >= lo && p.classification.confidence < bins[i + 1]);
    return `[${lo}) n=${b.length} conf=${b.length ? (b.reduce((s, p) => s + p.classification.confidence, 0) / b.length).toFixed(2) : '-'} acc=${b.length ? (b.filter(ok).length / b.length).toFixed(2) : '-'}`;
  });
  console.log(line.join('  '));
  console.log('   ', rel.join(' | '));
}
