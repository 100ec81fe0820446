import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/** The fields of one ticket_history row that its hash seals. */
export interface ChainedHistoryRow {
  ticketId: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  data: Record<string, unknown>;
}

/** The hash before a ticket's first history entry. */
export const CHAIN_START = '';

/**
 * sha256(previous hash + RFC 8785 canonical JSON of the entry), hex. Each entry seals
 * the one before it, so changing, removing or reordering any entry breaks every later link.
 */
export function historyChainHash(previousHash: string, row: ChainedHistoryRow): string {
  const canonical = canonicalize({
    ticketId: row.ticketId,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    reason: row.reason,
    data: row.data,
  });
  return createHash('sha256').update(previousHash).update(canonical).digest('hex');
}
