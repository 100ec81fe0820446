import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, NotFound } from '@hub/core';
import { hasRole, Viewer } from '@hub/auth/roles';
import { isUuid } from '@hub/tickets';
import { FINANCE_APPROVAL_FROM_FEN } from '../domain/reward-amount';
import { REWARD_COLUMNS, RewardView, toRewardView } from './reward-view';

export interface RewardQuery {
  state?: string[];
  ticketId?: string;
  department?: string;
  cursor?: string;
  limit?: number;
}

/** Reads of rewards: REWARD_OFFICER sees all, FINANCE those it must approve (≥ ¥500,000). */
@Injectable()
export class RewardRecords {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(viewer: Viewer, query: RewardQuery): Promise<{ items: RewardView[]; total: number; nextCursor: string | null }> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
    const where: string[] = [scopeOf(viewer)];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.state?.length) add('r.state = ANY(?)', query.state);
    if (query.ticketId) add('r.ticket_id = ?', isUuid(query.ticketId) ? query.ticketId : '00000000-0000-0000-0000-000000000000');
    if (query.department) add('r.department = ?', query.department);
    const [{ total }]: Array<{ total: number }> = await this.db.query(`SELECT count(*)::int AS total FROM rewards r WHERE ${where.join(' AND ')}`, params);
    const after = decodeCursor(query.cursor);
    if (after) {
      params.push(after.at, after.id);
      where.push(`(r.proposed_at, r.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT ${REWARD_COLUMNS} FROM rewards r JOIN tickets t ON t.id = r.ticket_id WHERE ${where.join(' AND ')} ORDER BY r.proposed_at, r.id LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map((r) => toRewardView(r));
    const last = items[items.length - 1];
    return { items, total, nextCursor: rows.length > limit && last ? encodeCursor(last.proposedAt, last.id) : null };
  }

  /** One reward within the viewer's scope; 404 outside it, like a missing one. */
  async get(viewer: Viewer, id: string): Promise<RewardView> {
    const rows: Array<Record<string, unknown>> = isUuid(id)
      ? await this.db.query(`SELECT ${REWARD_COLUMNS} FROM rewards r JOIN tickets t ON t.id = r.ticket_id WHERE r.id = $1 AND ${scopeOf(viewer)}`, [id])
      : [];
    if (!rows[0]) throw NotFound('Reward not found');
    return toRewardView(rows[0]);
  }

  async findByTicket(ticketId: string): Promise<RewardView | null> {
    const rows: Array<Record<string, unknown>> = await this.db.query(`SELECT ${REWARD_COLUMNS} FROM rewards r JOIN tickets t ON t.id = r.ticket_id WHERE r.ticket_id = $1`, [ticketId]);
    return rows[0] ? toRewardView(rows[0]) : null;
  }
}

function scopeOf(viewer: Viewer): string {
  if (hasRole(viewer, 'REWARD_OFFICER')) return 'TRUE';
  if (hasRole(viewer, 'FINANCE')) return `r.amount_fen >= ${FINANCE_APPROVAL_FROM_FEN}`;
  return 'FALSE';
}
