import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BigramCache, DUPLICATE_WINDOW_DAYS, DuplicateFacts, rankDuplicates } from './duplicate-match';

const CANDIDATE_POOL = 300;

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
  async find(manager: EntityManager, ticketId: string): Promise<string[]> {
    const [ticket] = await this.facts(manager, `t.id = $1`, [ticketId]);
    if (!ticket) return [];
    const pool = await this.facts(
      manager,
      `t.id <> $1 AND t.status NOT IN ('CLOSED', 'MERGED', 'DISCARDED')
       AND t.received_at BETWEEN $2::timestamptz - make_interval(days => ${DUPLICATE_WINDOW_DAYS}) AND $2::timestamptz + make_interval(days => ${DUPLICATE_WINDOW_DAYS})
       AND (t.region_code = $3 OR (t.subject_uscc IS NOT NULL AND t.subject_uscc = $4))
       ORDER BY t.received_at DESC LIMIT ${CANDIDATE_POOL}`,
      [ticket.id, ticket.receivedAt, ticket.regionCode, ticket.subjectUscc],
    );
    return rankDuplicates(ticket, pool).map((c) => c.id);
  }

  /**
   * The same for many tickets with two queries: each one's candidate ids (LATERAL, same pool
   * as `find`), then the facts of every distinct ticket involved; descriptions are split into
   * bigrams once however many pools a ticket is in.
   */
  async findMany(manager: EntityManager, ticketIds: string[]): Promise<Map<string, string[]>> {
    const pools: Array<{ for_id: string; id: string }> = await manager.query(
      `SELECT b.id AS for_id, c.id
         FROM tickets b
         CROSS JOIN LATERAL (
           SELECT t.id FROM tickets t
            WHERE t.id <> b.id AND t.status NOT IN ('CLOSED', 'MERGED', 'DISCARDED')
              AND t.received_at BETWEEN b.received_at - make_interval(days => ${DUPLICATE_WINDOW_DAYS}) AND b.received_at + make_interval(days => ${DUPLICATE_WINDOW_DAYS})
              AND (t.region_code = b.region_code OR (t.subject_uscc IS NOT NULL AND t.subject_uscc = b.subject_uscc))
            ORDER BY t.received_at DESC LIMIT ${CANDIDATE_POOL}) c
        WHERE b.id = ANY($1::uuid[])`,
      [ticketIds],
    );
    const ids = [...new Set([...ticketIds, ...pools.map((p) => p.id)])];
    const facts = new Map((await this.facts(manager, `t.id = ANY($1::uuid[])`, [ids])).map((f) => [f.id, f]));
    const grams = new BigramCache();
    const poolOf = new Map<string, DuplicateFacts[]>();
    for (const p of pools) {
      const candidate = facts.get(p.id);
      if (candidate) poolOf.set(p.for_id, [...(poolOf.get(p.for_id) ?? []), candidate]);
    }
    const found = new Map<string, string[]>();
    for (const id of ticketIds) {
      const ticket = facts.get(id);
      if (!ticket) continue;
      const pool = poolOf.get(id) ?? [];
      found.set(id, rankDuplicates(ticket, pool, undefined, grams).map((c) => c.id));
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
