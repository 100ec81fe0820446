import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DUPLICATE_WINDOW_DAYS, DuplicateFacts, rankDuplicates } from './duplicate-match';

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
