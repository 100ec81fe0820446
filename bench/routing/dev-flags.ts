import { loadLabelledSet } from './dataset';
import { detectFlags } from '../../libs/routing/src/classifier/flags';
let n = 0;
for (const r of loadLabelledSet()) {
  const f = detectFlags(r.text);
  if (f.length) { n++; console.log(r.id, f[0].evidence.join(' | ')); }
}
console.log(n);
