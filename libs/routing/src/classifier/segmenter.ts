import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import type { Lexicon } from './lexicon/lexicon-types';
import { HEADS } from './lexicon/lexicon-types';

export type Segmenter = (text: string) => string[];

/** Loading user words mutates a jieba instance, so each distinct word list gets its own. */
const byWords = new Map<string, Jieba>();
const byLexicon = new WeakMap<Lexicon, Segmenter>();

function userDictionary(lexicon: Lexicon): string {
  const words = new Set<string>();
  for (const head of HEADS) {
    for (const entry of lexicon.entries[head]) if (entry.term.length > 1 && !/\s/.test(entry.term)) words.add(entry.term);
  }
  return [...words].sort().map((word) => `${word} 2000 n`).join('\n');
}

/** Jieba with the lexicon's terms as words, so a dictionary phrase is one token. */
export function segmenterFor(lexicon: Lexicon): Segmenter {
  let segmenter = byLexicon.get(lexicon);
  if (segmenter) return segmenter;
  const words = userDictionary(lexicon);
  let jieba = byWords.get(words);
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(words, 'utf8'));
    byWords.set(words, jieba);
  }
  const instance = jieba;
  segmenter = (text) => instance.cut(text, false);
  byLexicon.set(lexicon, segmenter);
  return segmenter;
}
