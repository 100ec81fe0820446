import { loadLabelledSet, toExample } from './dataset';
import { TicketClassifier } from '../../libs/routing/src/classifier';
import { FeatureExtractor } from '../../libs/routing/src/classifier/features';
import { DEFAULT_LEXICON } from '../../libs/routing/src/classifier/lexicon';
const ids = process.argv.slice(2);
const records = loadLabelledSet();
const ex = new FeatureExtractor(DEFAULT_LEXICON, { charBigrams: false });
const clf = TicketClassifier.train(records.filter((r) => !ids.includes(r.id)).map(toExample));
const m = clf.toJSON();
for (const h of ['category', 'violation', 'stage'] as const) console.log(h, 'tied', m.heads[h].tied, 'feat', Object.keys(m.heads[h].weights).length);
for (const id of ids) {
  const r = records.find((x) => x.id === id)!;
  const a = ex.analyse({ text: r.text, subjectName: r.subjectName, feed: r.feed, kind: r.kind });
  console.log(id, a.evidence.filter((e) => e.head !== 'category').map((e) => `${e.head[0]}:${e.term}>${e.label}:${e.polarity}${e.focus ? '*' : ''}${e.verdict ? '!' : ''}${e.cue ? '(' + e.cue + ')' : ''}`).join(' '));
  const c = clf.classify({ text: r.text, subjectName: r.subjectName, feed: r.feed, kind: r.kind });
  console.log(JSON.stringify(c.scores));
}
