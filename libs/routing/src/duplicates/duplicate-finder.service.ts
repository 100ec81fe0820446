import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BigramCache, DUPLICATE_WINDOW_DAYS, DuplicateFacts, RegionBigramIndexes, rankDuplicates } from './duplicate-match';

const CANDIDATE_POOL = 300;
const WINDOW_MS = DUPLICATE_WINDOW_DAYS * 86_400_000;
const OPEN = `status NOT IN ('CLOSED', 'MERGED', 'DISCARDED')`;

/**
 * The newest open tickets of one region or one business (USCC) received between `lo` and `hi`,
 * `lim` of them, for each group of a batch. Ties in receipt time (feeds give seconds; hundreds of
 * tickets can share one) are broken by id, so "the newest" is one well-defined set. Two branches rather than one OR, so each walks its
 * own index by receipt time and stops after `lim` rows.
 */
// receipt time as epoch milliseconds: a float parses far cheaper than a timestamp, on hundreds of rows per batch
const FACT_COLUMNS = `t.id, (extract(epoch FROM t.received_at) * 1000)::float8 AS at, t.region_code, t.subject_uscc, t.subject_name_norm, t.product_name, length(t.description) AS description_length`;
const GROUP_CANDIDATES = `
  SELECT g.n, c.*
    FROM jsonb_to_recordset($1::jsonb) AS g(n int, region text, uscc text, lo timestamptz, hi timestamptz, lim int)
   CROSS JOIN LATERAL (
     (SELECT ${FACT_COLUMNS} FROM tickets t WHERE g.region IS NOT NULL AND t.region_code = g.region AND t.${OPEN} AND t.received_at BETWEEN g.lo AND g.hi ORDER BY t.received_at DESC, t.id DESC LIMIT g.lim)
     UNION ALL
     (SELECT ${FACT_COLUMNS} FROM tickets t WHERE g.uscc IS NOT NULL AND t.subject_uscc = g.uscc AND t.${OPEN} AND t.received_at BETWEEN g.lo AND g.hi ORDER BY t.received_at DESC, t.id DESC LIMIT g.lim)
   ) c`;

interface FactsRow {
  id: string;
  at: number;
  region_code: string;
  subject_uscc: string | null;
  subject_name_norm: string | null;
  product_name: string | null;
  description?: string | null;
  description_length: number;
}

interface Group {
  n: number;
  region: string | null;
  uscc: string | null;
  lo: Date;
  hi: Date;
  lim: number;
  members: DuplicateFacts[];
  rows: CandidateRow[];
  /** the last of `rows` in the read's order, found once for all members */
  oldestRead?: CandidateRow;
}

/** Open tickets on any hotline that may be the same subject and matter (workflows.md). */
@Injectable()
export class DuplicateFinder {
  /** per process: the same open tickets are candidates for many new ones */
  private readonly grams = new BigramCache(50000);
  private readonly indexes = new RegionBigramIndexes(this.grams);

  async find(manager: EntityManager, ticketId: string): Promise<string[]> {
    return (await this.findMany(manager, [ticketId])).get(ticketId) ?? [];
  }

  /**
   * For each ticket, its duplicates among the newest CANDIDATE_POOL open tickets within the
   * window in its region or about its business. A batch's tickets share regions and businesses,
   * so each region and business is read once for the whole batch, and the facts of tickets
   * whose bigrams this process knows come without their description.
   */
  async findMany(manager: EntityManager, ticketIds: string[]): Promise<Map<string, string[]>> {
    const batch = await this.facts(manager, ticketIds);
    const read = new Map<string, DuplicateFacts>();
    const pools = await this.pools(manager, [...batch.values()], read);
    const candidates = await this.withDescriptions(manager, [...read.values()].filter((c) => !batch.has(c.id)));
    const found = new Map<string, string[]>();
    const index = this.indexes.prepare([...candidates.values(), ...batch.values()]);
    for (const ticket of batch.values()) {
      const pool: DuplicateFacts[] = [];
      for (const id of pools.get(ticket.id) ?? []) {
        const facts = candidates.get(id) ?? batch.get(id);
        if (facts) pool.push(facts);
      }
      found.set(ticket.id, rankDuplicates(ticket, pool, undefined, this.grams, index).map((c) => c.id));
    }
    return found;
  }

  /** Candidate ids per ticket, newest first, exactly the per-ticket pool (checked; a ticket the shared read cannot vouch for is read alone). */
  private async pools(manager: EntityManager, tickets: DuplicateFacts[], read: Map<string, DuplicateFacts>): Promise<Map<string, string[]>> {
    const groups = groupsOf(tickets);
    if (groups.length === 0) return new Map();
    // The window depends on the tickets' own times, so the planner guesses a handful of rows per
    // branch and picks a bitmap scan of the whole window (thousands of rows, then a sort); the
    // ordered index scan stops after `lim` rows. Many times faster on a busy region.
    await manager.query(`SET LOCAL enable_bitmapscan = off`);
    const rows: Array<FactsRow & { n: number }> = await manager.query(GROUP_CANDIDATES, [
      JSON.stringify(groups.map(({ n, region, uscc, lo, hi, lim }) => ({ n, region, uscc, lo, hi, lim }))),
    ]);
    for (const r of rows) {
      groups[r.n].rows.push({ id: r.id, receivedAt: r.at });
      if (!read.has(r.id)) read.set(r.id, factsOf(r));
    }
    const groupsOfTicket = new Map<DuplicateFacts, Group[]>();
    for (const g of groups) {
      for (const member of g.members) {
        const own = groupsOfTicket.get(member);
        if (own) own.push(g);
        else groupsOfTicket.set(member, [g]);
      }
    }
    const pools = new Map<string, string[]>();
    const unsure: DuplicateFacts[] = [];
    for (const ticket of tickets) {
      const own = groupsOfTicket.get(ticket) ?? [];
      const inWindow = own.map((g) => completeWindow(g, ticket));
      if (inWindow.some((w) => w === null)) {
        unsure.push(ticket);
        continue;
      }
      pools.set(ticket.id, newestOf(inWindow as CandidateRow[][]));
    }
    // read alone, a ticket's groups span only its own window, so their rows are its exact pool
    for (const ticket of unsure) for (const [id, pool] of await this.pools(manager, [ticket], read)) pools.set(id, pool);
    await manager.query(`RESET enable_bitmapscan`);
    return pools;
  }

  /** Facts by id; tickets whose bigrams this process holds come without their description. */
  private async facts(manager: EntityManager, ids: string[], withDescription = false): Promise<Map<string, DuplicateFacts>> {
    if (ids.length === 0) return new Map();
    const known = withDescription ? [] : ids.filter((id) => this.grams.knows(id));
    const rows: FactsRow[] = await manager.query(
      `SELECT ${FACT_COLUMNS}, CASE WHEN t.id = ANY($2::uuid[]) THEN NULL ELSE t.description END AS description
         FROM tickets t WHERE t.id = ANY($1::uuid[])`,
      [ids, known],
    );
    const facts = new Map<string, DuplicateFacts>();
    const stale: string[] = [];
    for (const r of rows) {
      // dropped from the cache meanwhile, or a different description: read it after all
      if (r.description === null && !this.grams.knows(r.id, Number(r.description_length))) stale.push(r.id);
      else facts.set(r.id, factsOf(r));
    }
    for (const [id, f] of await this.facts(manager, stale, true)) facts.set(id, f);
    return facts;
  }

  /** Candidates as the pool read gave them (no description), with the descriptions this process holds no bigrams of read by id. */
  private async withDescriptions(manager: EntityManager, candidates: DuplicateFacts[]): Promise<Map<string, DuplicateFacts>> {
    const facts = new Map(candidates.map((c) => [c.id, c]));
    const unknown = candidates.filter((c) => !this.grams.knows(c.id, c.descriptionLength)).map((c) => c.id);
    for (const [id, f] of await this.facts(manager, unknown, true)) facts.set(id, f);
    return facts;
  }
}

function factsOf(r: FactsRow): DuplicateFacts {
  return {
    id: r.id,
    receivedAt: new Date(r.at),
    regionCode: r.region_code,
    subjectUscc: r.subject_uscc,
    subjectNameNorm: r.subject_name_norm,
    productName: r.product_name,
    description: r.description ?? '',
    descriptionLength: Number(r.description_length),
  };
}

/** One group per region and per business of the batch, spanning its members' windows. */
function groupsOf(tickets: DuplicateFacts[]): Group[] {
  const byKey = new Map<string, Group>();
  const add = (key: string, region: string | null, uscc: string | null, t: DuplicateFacts) => {
    const lo = new Date(t.receivedAt.getTime() - WINDOW_MS);
    const hi = new Date(t.receivedAt.getTime() + WINDOW_MS);
    const g = byKey.get(key);
    if (!g) return void byKey.set(key, { n: byKey.size, region, uscc, lo, hi, lim: 0, members: [t], rows: [] });
    g.members.push(t);
    if (lo < g.lo) g.lo = lo;
    if (hi > g.hi) g.hi = hi;
  };
  for (const t of tickets) {
    add(`r:${t.regionCode}`, t.regionCode, null, t);
    if (t.subjectUscc) add(`u:${t.subjectUscc}`, null, t.subjectUscc, t);
  }
  const groups = [...byKey.values()];
  for (const g of groups) g.lim = CANDIDATE_POOL + g.members.length;
  return groups;
}

/**
 * A group's rows inside the ticket's own window, or null when the group's read may have stopped
 * before the ticket's newest CANDIDATE_POOL: the rows are complete from the oldest one read up
 * to `hi`, so the ticket's pool is exact when that stretch holds enough of its window.
 */
function completeWindow(g: Group, ticket: DuplicateFacts): CandidateRow[] | null {
  const lo = ticket.receivedAt.getTime() - WINDOW_MS;
  const hi = ticket.receivedAt.getTime() + WINDOW_MS;
  const inWindow = g.rows.filter((r) => r.id !== ticket.id && r.receivedAt >= lo && r.receivedAt <= hi);
  // all rows of the span were read, or the group is the ticket's alone (its own window, newest first)
  if (g.rows.length < g.lim || g.members.length === 1) return inWindow;
  const oldestRead = (g.oldestRead ??= g.rows.reduce((oldest, r) => (newestFirst(r, oldest) > 0 ? r : oldest)));
  const surely = inWindow.filter((r) => newestFirst(r, oldestRead) < 0);
  return surely.length >= CANDIDATE_POOL ? surely : null;
}

type CandidateRow = { id: string; receivedAt: number };

/** The newest CANDIDATE_POOL ids of the rows of a ticket's groups, each group's rows in that order already (a merge), or sorted when not. */
function newestOf(lists: CandidateRow[][]): string[] {
  if (!lists.every(isNewestFirst)) return [...new Map(lists.flat().map((r) => [r.id, r])).values()].sort(newestFirst).slice(0, CANDIDATE_POOL).map((r) => r.id);
  if (lists.length === 1) return lists[0].slice(0, CANDIDATE_POOL).map((r) => r.id);
  const ids: string[] = [];
  const taken = new Set<string>();
  const next = lists.map(() => 0);
  while (ids.length < CANDIDATE_POOL) {
    let best = -1;
    for (let l = 0; l < lists.length; l++) if (next[l] < lists[l].length && (best < 0 || newestFirst(lists[l][next[l]], lists[best][next[best]]) < 0)) best = l;
    if (best < 0) break;
    const row = lists[best][next[best]++];
    if (!taken.has(row.id)) {
      taken.add(row.id);
      ids.push(row.id);
    }
  }
  return ids;
}

function isNewestFirst(rows: CandidateRow[]): boolean {
  for (let i = 1; i < rows.length; i++) if (newestFirst(rows[i - 1], rows[i]) >= 0) return false;
  return true;
}

/** The order of the candidate read: receipt time, newest first, then id (descending, as PostgreSQL orders uuids). */
function newestFirst(a: CandidateRow, b: CandidateRow): number {
  return b.receivedAt - a.receivedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
