import { loadLabelledSet } from './dataset';
import { refineKind, kindScores } from '../../libs/routing/src/classifier/kind';
const records = loadLabelledSet();
const naive = (t: string) => (t.includes('举报') ? 'REPORT' : t.includes('咨询') ? 'CONSULTATION' : 'COMPLAINT');
let ok = 0, okNaive = 0, ok16 = 0, n16 = 0;
for (const r of records) {
  const n = naive(r.text);
  const k = refineKind(r.text, n);
  if (k === r.kind) ok++; else console.log(r.id, r.feed, 'exp', r.kind, 'got', k, 'naive', n, JSON.stringify(kindScores(r.text)), r.text.slice(0, 70));
  if (n === r.kind) okNaive++;
  if (r.feed === '12316') { n16++; if (k === r.kind) ok16++; }
}
console.log('refined', ok, 'naive', okNaive, 'of', records.length, '12316', ok16, '/', n16);
