/**
 * The console's `q` over tickets `t`: tracking code, external id, business name or text, with
 * `exact` and `like` the placeholders of the words as typed and as a LIKE substring pattern (ILIKE for words with case).
 * The texts are searched in `ticket_texts` (a copy kept by triggers, so that the many updates of a
 * ticket row leave the text indexes alone). Three characters or more go by trigrams. A
 * two-character word (奶粉, 假药) has no trigram: all the character pairs of the search must be
 * among the column's (`hub_bigrams`, GIN-indexed), which holds for every ILIKE match, so the
 * results are the ILIKE's alone. Each branch walks its own index (UNION ALL: inside one OR the
 * pairs would be computed again for every row read). One character has no index: each ticket's
 * text is tested on its own (`ticketMatches`).
 */
export function ticketTextSearch(q: string, exact: string, like: string): string {
  if (!foundByIndexes(q)) return ticketMatches('t', q, exact, like);
  return `t.id IN (${matchBranches(q, exact, like, []).join(' UNION ALL ')})`;
}

/** Whether the text indexes can find `q`: two characters or more (one character has neither a pair nor a trigram). */
export const foundByIndexes = (q: string): boolean => [...q].length >= 2;

/**
 * Every ticket matching `q` (found by the indexes) as rows `(id, received_at)`, read from the
 * texts' copy alone: a rare word's thousands of matches are counted and sorted without reading
 * each one's ticket row. UNION: a ticket may match by its name and by its description.
 */
export function ticketTextMatches(q: string, exact: string, like: string): string {
  return matchBranches(q, exact, like, ['received_at']).join(' UNION ');
}

/** One SELECT per index that can find a match: codes on `tickets`, each text index on `ticket_texts`. */
function matchBranches(q: string, exact: string, like: string, columns: string[]): string[] {
  const op = likeOperator(q);
  const selected = (id: string) => [id, ...columns].join(', ');
  const texts =
    [...q].length === 2
      ? ['subject_name', 'description'].map((column) => `SELECT ${selected('ticket_id')} FROM ticket_texts WHERE hub_bigrams(${column}) @> hub_bigrams(${exact}) AND ${column} ${op} ${like}`)
      : [`SELECT ${selected('ticket_id')} FROM ticket_texts WHERE subject_name ${op} ${like} OR description ${op} ${like}`];
  return [`SELECT ${selected('id')} FROM tickets WHERE tracking_code = ${exact}`, `SELECT ${selected('id')} FROM tickets WHERE external_id = ${exact}`, ...texts];
}

/**
 * Whether ticket `ticket` (a table alias) matches by its codes or its texts, tested on that ticket
 * alone: the text is read by a scalar subquery, since an EXISTS inside the OR may be planned as a
 * hash of every match in the table.
 */
export function ticketMatches(ticket: string, q: string, exact: string, like: string): string {
  const op = likeOperator(q);
  return `(${ticket}.tracking_code = ${exact} OR ${ticket}.external_id = ${exact} OR (SELECT x.subject_name ${op} ${like} OR x.description ${op} ${like} FROM ticket_texts x WHERE x.ticket_id = ${ticket}.id))`;
}

/**
 * ILIKE compares lowercased copies of every text it reads, three times the work of LIKE here; words
 * without upper or lower case (Chinese, digits) match the same either way.
 */
export const likeOperator = (q: string): 'LIKE' | 'ILIKE' => (q.toLowerCase() === q.toUpperCase() ? 'LIKE' : 'ILIKE');

/** Tickets `t` whose business name contains `like` (an ILIKE pattern), by the name's trigram index. */
export const subjectNameContains = (like: string): string => `t.id IN (SELECT ticket_id FROM ticket_texts WHERE subject_name ILIKE ${like})`;
