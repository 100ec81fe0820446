import { CheckOutlined, DeleteOutlined, EditOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import type { ActionKind } from '../../lib/ticketRules';
import { Kbd } from '../Kbd';

const ACTIONS: { kind: ActionKind; label: MessageKey; key: string; icon: ReactNode; primary?: boolean; danger?: boolean }[] = [
  { kind: 'confirm', label: 'action.confirm', key: 'c', icon: <CheckOutlined />, primary: true },
  { kind: 'correct', label: 'action.correct', key: 'e', icon: <EditOutlined /> },
  { kind: 'merge', label: 'action.merge', key: 'm', icon: <MergeCellsOutlined /> },
  { kind: 'discard', label: 'action.discard', key: 'd', icon: <DeleteOutlined />, danger: true },
];

interface ActionBarProps {
  enabled: Record<ActionKind, boolean>;
  busy: ActionKind | null;
  onAction: (kind: ActionKind) => void;
}

export function ActionBar({ enabled, busy, onAction }: ActionBarProps) {
  const { t } = useI18n();
  return (
    <Space size={8} wrap className="action-bar">
      {ACTIONS.map((action) => (
        <Button
          key={action.kind}
          type={action.primary ? 'primary' : 'default'}
          danger={action.danger}
          icon={action.icon}
          disabled={!enabled[action.kind] || (busy !== null && busy !== action.kind)}
          loading={busy === action.kind}
          onClick={() => onAction(action.kind)}
          data-testid={`action-${action.kind}`}
        >
          {t(action.label)} <Kbd>{action.key}</Kbd>
        </Button>
      ))}
    </Space>
  );
}
