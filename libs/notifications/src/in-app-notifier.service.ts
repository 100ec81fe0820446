import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OUTBOX_TOPICS, writeOutbox } from '@hub/core';
import type { NotificationMessage } from '@hub/live/live-messages';
import type { Notice, Notifier } from './notifier';
import { NotificationRow, toNotificationView } from './notification-view';


/** Notices kept in PostgreSQL (GET /api/v1/notifications) and pushed through socket.io after commit. */
@Injectable()
export class InAppNotifier implements Notifier {
  async notify(tx: EntityManager, notice: Notice): Promise<void> {
    for (const to of notice.to) {
      const dedupe = notice.dedupeKey ? `${notice.dedupeKey}|${to.unit ?? '*'}|${[...to.roles].sort().join(',')}` : null;
      const rows: NotificationRow[] = await tx.query(
        `INSERT INTO notifications (kind, ticket_id, unit_code, roles, title, body, data, dedupe_key) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING *, NULL::timestamptz AS read_at, $9::text AS tracking_code`,
        [notice.kind, notice.ticketId, to.unit, to.roles, notice.title, notice.body, JSON.stringify(notice.data ?? {}), dedupe, notice.trackingCode],
      );
      if (rows.length === 0) continue;
      const message: NotificationMessage = { event: 'notification', unit: to.unit, roles: to.roles, notification: toNotificationView(rows[0]) };
      await writeOutbox(tx, [{ topic: OUTBOX_TOPICS.event, ticketId: notice.ticketId, payload: { ...message } }]);
    }
  }
}
