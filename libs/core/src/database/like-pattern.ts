/**
 * A user's words as a LIKE/ILIKE substring pattern: `%`, `_` and `\` match only themselves
 * (PostgreSQL's default escape character is the backslash).
 */
export function likeContains(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
