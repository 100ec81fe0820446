import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BigramCache, DUPLICATE_WINDOW_DAYS, DuplicateFacts, rankDuplicates } from './duplicate-match';

const CANDIDATE_POOL = 300;
const OPEN = `status NOT IN ('CLOSED', 'MERGED', 'DISCARDED')`;
const IN_WINDOW = `received_at BETWEEN b.received_at - make_interval(days => ${DUPLICATE_WINDOW_DAYS}) AND b.received_at + make_interval(days => ${DUPLICATE_WINDOW_DAYS})`;

/**
 * The newest open tickets near ticket `b` in time, in its region or about its business. Two
 * branches rather than one OR, so each walks its own index (region, or USCC, by receipt time)
 * instead of every ticket of the window.
 */
const CANDIDATES_OF_B = `
  SELECT u.id FROM (
    (SELECT t.id, t.received_at FROM tickets t WHERE t.region_code = b.region_code AND t.${OPEN} AND t.${IN_WINDOW} ORDER BY t.received_at DESC LIMIT ${CANDIDATE_POOL + 1})
    UNION
    (SELECT t.id, t.received_at FROM tickets t WHERE b.subject_uscc IS NOT NULL AND t.subject_uscc = b.subject_uscc AND t.${OPEN} AND t.${IN_WINDOW} ORDER BY t.received_at DESC LIMIT ${CANDIDATE_POOL + 1})
  ) u WHERE u.id <> b.id ORDER BY u.received_at DESC LIMIT ${CANDIDATE_POOL}`;

interface FactsRow {
  id: string;
  received_at: Date;
  region_code: string;
  subject_uscc: string | null;
  subject_name_norm: string | null;
  product_name: string | null;
  description: string;
}

/** Open tickets on any hotline that may be the same subject and matter. */
@Injectable()
export class DuplicateFinder {
  /** per process: the same open tickets are candidates for many new ones */
  private readonly grams = new BigramCache(50000);

  async find(manager: EntityManager, ticketId: string): Promise<string[]> {
    return (await this.findMany(manager, [ticketId])).get(ticketId) ?? [];
  }

  /**
   * The same for many tickets with two queries: each one's candidate ids (LATERAL, same pool
   * as `find`), then the facts of every distinct ticket involved; descriptions are split into
   * bigrams once however many pools a ticket is in.
   */
  async findMany(manager: EntityManager, ticketIds: string[]): Promise<Map<string, string[]>> {
    // The window depends on each ticket's own time, so the planner guesses a handful of rows per
    // branch and picks a bitmap scan of the whole window (thousands of rows, then a sort); the
    // ordered index scan stops after the newest CANDIDATE_POOL. 40x faster on a busy region.
    await manager.query(`SET LOCAL enable_bitmapscan = off`);
    const pools: Array<{ for_id: string; id: string }> = await manager.query(
      `SELECT b.id AS for_id, c.id FROM tickets b CROSS JOIN LATERAL (${CANDIDATES_OF_B}) c WHERE b.id = ANY($1::uuid[])`,
      [ticketIds],
    );
    await manager.query(`RESET enable_bitmapscan`);
    const ids = [...new Set([...ticketIds, ...pools.map((p) => p.id)])];
    const facts = new Map((await this.facts(manager, `t.id = ANY($1::uuid[])`, [ids])).map((f) => [f.id, f]));
    const poolOf = new Map<string, DuplicateFacts[]>();
    for (const p of pools) {
      const candidate = facts.get(p.id);
      if (!candidate) continue;
      const pool = poolOf.get(p.for_id);
      if (pool) pool.push(candidate);
      else poolOf.set(p.for_id, [candidate]);
    }
    const found = new Map<string, string[]>();
    for (const id of ticketIds) {
      const ticket = facts.get(id);
      if (!ticket) continue;
      const pool = poolOf.get(id) ?? [];
      found.set(id, rankDuplicates(ticket, pool, undefined, this.grams).map((c) => c.id));
    }
    return found;
  }

  private async facts(manager: EntityManager, where: string, params: unknown[]): Promise<DuplicateFacts[]> {
    const rows: FactsRow[] = await manager.query(
      `SELECT t.id, t.received_at, t.region_code, t.subject_uscc, t.subject_name_norm, t.product_name, t.description FROM tickets t WHERE ${where}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      receivedAt: r.received_at,
      regionCode: r.region_code,
      subjectUscc: r.subject_uscc,
      subjectNameNorm: r.subject_name_norm,
      productName: r.product_name,
      description: r.description,
    }));
  }
}
