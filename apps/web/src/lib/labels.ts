import type { MessageKey, Translate } from '../i18n';

/** A code the dictionary may not know yet (a new flag or source) is shown as it is. */
function labelOr(t: Translate, key: string, code: string): string {
  const text = t(key as MessageKey);
  return text === key ? code : text;
}

export const regionSourceLabel = (t: Translate, source: string) => labelOr(t, `regionSource.${source}`, source);
export const flagLabel = (t: Translate, flag: string) => labelOr(t, `flag.${flag}`, flag);
export const historyActionLabel = (t: Translate, action: string) => labelOr(t, `history.action.${action}`, action);
