import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NotificationView, Page } from '@hub/contracts';
import { decodeCursor, encodeCursor, NotFound } from '@hub/core';
import type { Viewer } from '@hub/auth/roles';
import { NotificationRow, toNotificationView } from './notification-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A staff member's notices: those for their unit and role, or for their role everywhere. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(viewer: Viewer, query: { unread?: boolean; cursor?: string; limit?: number }): Promise<Page<NotificationView> & { unread: number }> {
    const limit = query.limit ?? 50;
    const params: unknown[] = [viewer.unit, viewer.roles, viewer.id];
    const mine = `(n.unit_code IS NULL OR n.unit_code = $1) AND n.roles && $2::text[]`;
    const unreadOnly = query.unread ? `AND r.read_at IS NULL` : '';
    const [{ total, unread }] = await this.db.query(
      `SELECT count(*) AS total, count(*) FILTER (WHERE r.read_at IS NULL) AS unread FROM notifications n
       LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.user_id = $3 WHERE ${mine} ${unreadOnly}`,
      params,
    );
    const cursor = decodeCursor(query.cursor);
    const after = cursor ? `AND (n.created_at, n.id) < ($4::timestamptz, $5::uuid)` : '';
    if (cursor) params.push(cursor.at, cursor.id);
    params.push(limit + 1);
    const rows: NotificationRow[] = await this.db.query(
      `SELECT n.*, r.read_at, t.tracking_code FROM notifications n
       LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.user_id = $3
       LEFT JOIN tickets t ON t.id = n.ticket_id
       WHERE ${mine} ${unreadOnly} ${after} ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = rows.length > limit ? items[items.length - 1] : null;
    return { items: items.map(toNotificationView), total: Number(total), unread: Number(unread), nextCursor: last ? encodeCursor(last.created_at, last.id) : null };
  }

  async markRead(viewer: Viewer, id: string): Promise<NotificationView> {
    const rows: NotificationRow[] = UUID.test(id)
      ? await this.db.query(
          `SELECT n.*, t.tracking_code, NULL::timestamptz AS read_at FROM notifications n LEFT JOIN tickets t ON t.id = n.ticket_id
           WHERE n.id = $1 AND (n.unit_code IS NULL OR n.unit_code = $2) AND n.roles && $3::text[]`,
          [id, viewer.unit, viewer.roles],
        )
      : [];
    if (!rows[0]) throw NotFound('Notification not found');
    const [read]: Array<{ read_at: Date }> = await this.db.query(
      `INSERT INTO notification_reads (notification_id, user_id) VALUES ($1, $2) ON CONFLICT (notification_id, user_id) DO UPDATE SET read_at = notification_reads.read_at RETURNING read_at`,
      [id, viewer.id],
    );
    return toNotificationView({ ...rows[0], read_at: read.read_at });
  }

  async markAllRead(viewer: Viewer): Promise<{ marked: number }> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO notification_reads (notification_id, user_id)
       SELECT n.id, $3 FROM notifications n WHERE (n.unit_code IS NULL OR n.unit_code = $1) AND n.roles && $2::text[]
       ON CONFLICT DO NOTHING RETURNING notification_id`,
      [viewer.unit, viewer.roles, viewer.id],
    );
    return { marked: rows.length };
  }
}
