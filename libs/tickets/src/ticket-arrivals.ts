import type { EntityManager } from 'typeorm';

/** What a ticket said about its subject, product, region and hotline when it arrived: the input of counts by key (trend watch). */
export interface TicketArrival {
  id: string;
  feed: string;
  createdAt: Date;
  /** created_at as PostgreSQL writes it (microseconds kept), for the next page's cursor */
  cursorAt: string;
  receivedAt: Date;
  subjectName: string | null;
  subjectNameNorm: string | null;
  subjectUscc: string | null;
  subjectUsccValid: boolean | null;
  regionCode: string;
  productName: string | null;
}

/** Where a page of arrivals ends: (created_at, id) of its last ticket. */
export interface ArrivalCursor {
  at: string;
  id: string;
}

/**
 * Tickets stored after `after` (by `created_at`, then id: a group commit stores many with one
 * created_at), oldest first, at most `limit`; a range scan of `tickets_created_idx`. Runs in the caller's transaction.
 */
export async function ticketArrivalsAfter(manager: EntityManager, after: ArrivalCursor, limit: number): Promise<TicketArrival[]> {
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT id, feed, created_at, created_at::text AS cursor_at, received_at, subject_name, subject_name_norm, subject_uscc, subject_uscc_valid, region_code, product_name
     FROM tickets WHERE created_at >= $1::timestamptz AND (created_at, id) > ($1::timestamptz, $2::uuid) ORDER BY created_at, id LIMIT $3`,
    [after.at, after.id, limit],
  );
  return rows.map((r) => ({
    id: r.id as string,
    feed: r.feed as string,
    createdAt: r.created_at as Date,
    cursorAt: r.cursor_at as string,
    receivedAt: r.received_at as Date,
    subjectName: r.subject_name as string | null,
    subjectNameNorm: r.subject_name_norm as string | null,
    subjectUscc: r.subject_uscc as string | null,
    subjectUsccValid: r.subject_uscc_valid as boolean | null,
    regionCode: r.region_code as string,
    productName: r.product_name as string | null,
  }));
}
