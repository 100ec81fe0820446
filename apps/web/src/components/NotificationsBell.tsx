import { BellOutlined } from '@ant-design/icons';
import type { NotificationView } from '@hub/contracts';
import { Badge, Button, Empty, List, Popover, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { notificationsApi } from '../api/workbench';
import { useLive, useLiveEvent } from '../context/LiveContext';
import { useI18n } from '../i18n';
import { beijing } from '../lib/time';

const KIND_COLORS: Record<string, string> = { DEADLINE_WARNING: 'gold', DEADLINE_OVERDUE: 'red', TRANSFER_PROPOSED: 'blue', TRANSFER_WITH_POLICE: 'purple', TRANSFER_DECIDED: 'green' };

/** In-app notifications (deadlines, transfers) for the caller's unit, pushed live over the socket. */
export function NotificationsBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { epoch } = useLive();
  const [items, setItems] = useState<NotificationView[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);

  const load = useCallback(() => {
    notificationsApi.list().then(
      (page) => {
        setItems(page.items);
        setUnread(page.unread);
      },
      () => undefined,
    );
  }, []);
  useEffect(load, [load, epoch]);
  useLiveEvent('notification', (notification) => {
    setItems((prev) => [notification, ...prev.filter((item) => item.id !== notification.id)]);
    setUnread((n) => n + 1);
  });

  const openOne = (item: NotificationView) => {
    if (!item.readAt) void notificationsApi.read(item.id).then(load, () => undefined);
    setOpen(false);
    if (item.ticketId) navigate(`/tickets/${encodeURIComponent(item.ticketId)}`);
  };
  const readAll = () => void notificationsApi.readAll().then(load, () => undefined);

  const content = (
    <div className="notifications" data-testid="notifications">
      {items.length ? (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item className={item.readAt ? 'notification read' : 'notification'} onClick={() => openOne(item)} data-testid={`notification-${item.kind}`}>
              <Space direction="vertical" size={0}>
                <Tag color={KIND_COLORS[item.kind]}>{item.title}</Tag>
                <Typography.Text>{item.body}</Typography.Text>
                <Typography.Text type="secondary" className="field-note">
                  {beijing(item.createdAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <Space className="notifications-head">
          <span>{t('notifications.title')}</span>
          {unread > 0 && (
            <Button size="small" type="link" onClick={readAll}>
              {t('notifications.readAll')}
            </Button>
          )}
        </Space>
      }
      content={content}
    >
      <Badge count={unread} size="small" overflowCount={99}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('notifications.title')} data-testid="notifications-bell" />
      </Badge>
    </Popover>
  );
}
