import { countAtMost, ESTIMATE_TRUSTED_ABOVE, estimateRows, Run } from '@hub/core/database/estimated-count';
import { likeContains } from '@hub/core/database/like-pattern';
import type { KeysetPosition } from '@hub/core/http/keyset-cursor';
import { foundByIndexes, ticketMatches, ticketTextMatches, ticketTextSearch } from '@hub/tickets/ticket-text-search';

/** The columns of a queue row, and its live claim. */
export const SUMMARY_COLUMNS = `t.id, t.tracking_code, t.feed, t.kind, t.channel, t.status, t.received_at, t.region_code, t.county_code, t.subject_name, t.product_name,
  left(t.description, 120) AS excerpt, t.classification, t.routing, t.lead_unit, t.assist_units, t.flags, t.duplicate_candidates, t.version,
  c.user_id AS claim_user, c.display_name AS claim_name, c.expires_at AS claim_expires`;
export const CLAIM_JOIN = `LEFT JOIN ticket_claims c ON c.ticket_id = t.id AND c.expires_at > now()`;

/**
 * How many of the newest tickets a text search reads one by one before it turns to the text
 * indexes. A word on one ticket in a hundred or more (奶粉 in a food complaint queue) fills a page
 * within them; a rarer one is found faster through the indexes.
 */
export const NEWEST_WALK = 5_000;
const TRACKING_CODE = /^JL\d{13}$/i;

export interface QueueFilter {
  status?: string[];
  feed?: string[];
  region?: string;
  category?: string;
  /** tracking code, external id, business name or words of the text, trimmed */
  q?: string;
}

export interface QueueRead<Row> {
  rows: Row[];
  total: number;
}

/**
 * The console queue, newest first: `limit + 1` rows from `after` (a keyset position) and the total
 * of the filter (without a search: exact up to EXACT_COUNT_LIMIT, estimated above).
 *
 * A text search first reads the newest tickets of the other filters one by one. When the page fills
 * there, the word is common: sorting all its matches from the text index would read every one (a
 * common word at ten million tickets: ~150,000 matches, 15 s), and its total is the share of
 * matches among the tickets read times the planner's estimate of the filtered tickets. Otherwise
 * the indexes find every match, counted and paged in one pass.
 */
export async function readQueue<Row>(run: Run, filter: QueueFilter, limit: number, after: KeysetPosition | null, walk = NEWEST_WALK): Promise<QueueRead<Row>> {
  const { where, params } = filterSql(filter);
  const q = filter.q;
  if (q && !TRACKING_CODE.test(q)) {
    const common = await newestMatches(run, { where: [...where], params: [...params], q, walk }, limit, after);
    if (common) return common as QueueRead<Row>;
  }
  if (q) return everyMatch<Row>(run, matchesOf(where, params, q), params, limit, after);
  const total = await countAtMost(run, `FROM tickets t ${whereSql(where)}`, [...params]);
  if (after) addParam(where, params, [after.at, after.id], olderThan);
  params.push(limit + 1);
  const rows = (await run(`SELECT ${SUMMARY_COLUMNS} FROM tickets t ${CLAIM_JOIN} ${whereSql(where)} ORDER BY t.received_at DESC, t.id DESC LIMIT $${params.length}`, params)) as Row[];
  return { rows, total };
}

interface TextSearch {
  where: string[];
  params: unknown[];
  q: string;
  walk: number;
}

/**
 * The page and total of a search whose matches are dense enough among the newest tickets; null
 * when they are not. A first walk that finds some matches but not a page tells the word's share:
 * a second, longer walk follows when reading that many tickets costs less than every match from the index.
 */
async function newestMatches(run: Run, search: TextSearch, limit: number, after: KeysetPosition | null): Promise<QueueRead<unknown> | null> {
  const filtered = () => estimateRows(run, `FROM tickets t ${whereSql(search.where)}`, search.params);
  let hits = await walkNewest(run, search, search.walk, limit, after);
  let estimated: number | null = null;
  if (hits.length > 0 && hits.length <= limit) {
    estimated = await filtered();
    const longer = secondWalk(hits.length, search.walk, limit, estimated);
    if (longer) hits = await walkNewest(run, search, longer, limit, after);
  }
  if (hits.length <= limit) return null;
  const rows = await rowsOf(run, hits.map((h) => h.id));
  const share = hits.length / Number(hits[hits.length - 1].pos);
  return { rows, total: await commonTotal(run, search, share, estimated ?? (await filtered())) };
}

/**
 * A search the newest tickets could not answer. Its page has to read every match anyway, to sort them
 * by receipt, so one pass reads them all from the text indexes, counts them and takes the page: the
 * total is exact, and the matches are read once instead of once for a capped count and again for the page.
 */
async function everyMatch<Row>(run: Run, matches: string, params: unknown[], limit: number, after: KeysetPosition | null): Promise<QueueRead<Row>> {
  const sent = [...params];
  const page: string[] = [];
  if (after) addParam(page, sent, [after.at, after.id], olderThan);
  sent.push(limit + 1);
  const [{ total, ids }] = (await run(
    `WITH m AS MATERIALIZED (${matches})
     SELECT (SELECT count(*) FROM m) AS total, ARRAY(SELECT t.id::text FROM m t ${whereSql(page)} ORDER BY t.received_at DESC, t.id DESC LIMIT $${sent.length}) AS ids`,
    sent,
  )) as Array<{ total: string; ids: string[] }>;
  return { rows: ids.length === 0 ? [] : ((await rowsOf(run, ids)) as Row[]), total: Number(total) };
}

/**
 * The `(id, received_at)` of every ticket of the filter matching `q`, with `q`'s placeholders added
 * to `params`: from the texts' copy alone when nothing else filters (a word one ticket in a thousand
 * has ten thousand matches at ten million tickets, and a tickets row read for each was half the search).
 */
function matchesOf(where: string[], params: unknown[], q: string): string {
  const [exact, like] = searchPlaceholders(params, q);
  if (where.length === 0 && foundByIndexes(q)) return ticketTextMatches(q, exact, like);
  return `SELECT t.id, t.received_at FROM tickets t ${whereSql([...where, ticketTextSearch(q, exact, like)])}`;
}

/** The queue rows of the given tickets, newest first. */
const rowsOf = (run: Run, ids: string[]) => run(`SELECT ${SUMMARY_COLUMNS} FROM tickets t ${CLAIM_JOIN} WHERE t.id = ANY($1::uuid[]) ORDER BY t.received_at DESC, t.id DESC`, [ids]);

/** Measured here: reading one more of the newest tickets costs about a quarter of reading one match from a text index. */
const INDEX_MATCH_COST_IN_WALKED_TICKETS = 4;
/** a second walk never reads more tickets than this */
export const LONGEST_WALK = 100_000;

/**
 * How many tickets a second walk reads to fill a page of `limit + 1` when the first found `found`
 * matches in `walked` tickets (with a quarter to spare); null when the matches from the index
 * (the share of the `filtered` tickets) cost less, or the walk would be longer than LONGEST_WALK.
 */
export function secondWalk(found: number, walked: number, limit: number, filtered: number): number | null {
  const share = found / walked;
  const rows = Math.ceil(((limit + 1) / share) * 1.25);
  if (rows > LONGEST_WALK) return null;
  return rows < filtered * share * INDEX_MATCH_COST_IN_WALKED_TICKETS ? rows : null;
}

/** The first `limit + 1` matches among the newest `size` tickets of the filter, with their place in the walk. */
async function walkNewest(run: Run, search: TextSearch, size: number, limit: number, after: KeysetPosition | null): Promise<Array<{ id: string; pos: string }>> {
  const walk = [...search.where];
  const params = [...search.params];
  if (after) addParam(walk, params, [after.at, after.id], olderThan);
  const [exact, like] = searchPlaceholders(params, search.q);
  const [wanted] = placeholdersOf(params, [limit + 1]);
  return (await run(
    `SELECT id, pos FROM (
       SELECT w.id, row_number() OVER () AS pos, ${ticketMatches('w', search.q, exact, like)} AS hit
       FROM (SELECT t.id, t.tracking_code, t.external_id FROM tickets t ${whereSql(walk)} ORDER BY t.received_at DESC, t.id DESC LIMIT ${size}) w
     ) read WHERE hit LIMIT ${wanted}`,
    params,
  )) as Array<{ id: string; pos: string }>;
}

/**
 * The total of a common word: the share of matches among the newest tickets times the filtered
 * tickets (`filtered`, the planner's estimate), when that is beyond exact counting or the word is one character (no index: counting
 * would read every ticket); else counted through the text indexes, which a moderate total keeps short.
 */
async function commonTotal(run: Run, { where, params, q, walk }: TextSearch, share: number, filtered: number): Promise<number> {
  const estimate = Math.round(filtered * share);
  const small = filtered <= 2 * walk;
  if (!small && (estimate > ESTIMATE_TRUSTED_ABOVE || !foundByIndexes(q))) return estimate;
  const counted = [...where];
  const countParams = [...params];
  const [exact, like] = searchPlaceholders(countParams, q);
  counted.push(ticketTextSearch(q, exact, like));
  return countAtMost(run, `FROM tickets t ${whereSql(counted)}`, countParams, false);
}

function filterSql(filter: QueueFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status) addParam(where, params, [filter.status], ([p]) => `t.status = ANY(${p})`);
  if (filter.feed) addParam(where, params, [filter.feed], ([p]) => `t.feed = ANY(${p})`);
  if (filter.region) addParam(where, params, [filter.region], ([p]) => `t.region_code = ${p}`);
  if (filter.category) addParam(where, params, [filter.category], ([p]) => `t.classification->>'category' = ${p}`);
  return { where, params };
}

/** Appends `values` as the next placeholders and the condition built on them. */
function addParam(where: string[], params: unknown[], values: unknown[], condition: (placeholders: string[]) => string): void {
  where.push(condition(placeholdersOf(params, values)));
}

/** `values` appended to `params`, as their placeholders */
const placeholdersOf = (params: unknown[], values: unknown[]) => values.map((value) => `$${params.push(value)}`);

/** A text search's two parameters, `q` as typed and as a LIKE pattern, appended to `params` */
const searchPlaceholders = (params: unknown[], q: string) => placeholdersOf(params, [q, likeContains(q)]);

/** keyset: rows after `at, id` in the newest-first order */
const olderThan = ([at, id]: string[]) => `(t.received_at, t.id) < (${at}::timestamptz, ${id}::uuid)`;

const whereSql = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');
