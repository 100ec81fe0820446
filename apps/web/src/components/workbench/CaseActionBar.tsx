import {
  AuditOutlined,
  CheckOutlined,
  CloseCircleOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  RedoOutlined,
  RollbackOutlined,
  SafetyOutlined,
  SolutionOutlined,
  StopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import type { CaseAction } from '../../lib/caseRules';
import { Kbd } from '../Kbd';

export const CASE_KEYS: Record<CaseAction, string> = {
  accept: 'a',
  return: 'r',
  assist: 'h',
  fileCase: 'f',
  pause: 'p',
  resume: 'p',
  close: 'x',
  transfer: 't',
  approve: 'y',
  refuse: 'n',
  reconsider: 'c',
  policeAccept: 'y',
  policeDecline: 'n',
  extend: 'e',
};

const ICONS: Record<CaseAction, ReactNode> = {
  accept: <CheckOutlined />,
  return: <RollbackOutlined />,
  assist: <TeamOutlined />,
  fileCase: <SolutionOutlined />,
  pause: <PauseCircleOutlined />,
  resume: <PlayCircleOutlined />,
  close: <FileDoneOutlined />,
  transfer: <SafetyOutlined />,
  approve: <AuditOutlined />,
  refuse: <StopOutlined />,
  reconsider: <RedoOutlined />,
  policeAccept: <AuditOutlined />,
  policeDecline: <CloseCircleOutlined />,
  extend: <FieldTimeOutlined />,
};

const PRIMARY = new Set<CaseAction>(['accept', 'close', 'approve', 'policeAccept']);
const DANGER = new Set<CaseAction>(['refuse', 'policeDecline']);

interface CaseActionBarProps {
  shown: CaseAction[];
  enabled: Record<CaseAction, boolean>;
  busy: CaseAction | null;
  onAction: (action: CaseAction) => void;
}

/** The moves the caller's role has on this ticket; those the state does not allow now are greyed out, not hidden. */
export function CaseActionBar({ shown, enabled, busy, onAction }: CaseActionBarProps) {
  const { t } = useI18n();
  return (
    <Space size={6} wrap className="action-bar" data-testid="case-actions">
      {shown.map((action) => (
        <Button
          key={action}
          type={PRIMARY.has(action) && enabled[action] ? 'primary' : 'default'}
          danger={DANGER.has(action)}
          icon={ICONS[action]}
          disabled={!enabled[action] || (busy !== null && busy !== action)}
          loading={busy === action}
          onClick={() => onAction(action)}
          data-testid={`case-${action}`}
        >
          {t(`case.action.${action}`)} <Kbd>{CASE_KEYS[action]}</Kbd>
        </Button>
      ))}
    </Space>
  );
}
