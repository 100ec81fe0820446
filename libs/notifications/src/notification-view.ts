import type { NotificationKind, NotificationView } from '@hub/contracts';

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  ticket_id: string | null;
  tracking_code: string | null;
  title: string;
  body: string;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

export function toNotificationView(r: NotificationRow): NotificationView {
  return {
    id: r.id,
    kind: r.kind,
    ticketId: r.ticket_id,
    trackingCode: r.tracking_code,
    title: r.title,
    body: r.body,
    data: r.data,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
  };
}
