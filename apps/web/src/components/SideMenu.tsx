import { AccountBookOutlined, ExceptionOutlined, FileSearchOutlined, FundOutlined, GiftOutlined, PhoneOutlined, UnorderedListOutlined, WalletOutlined } from '@ant-design/icons';
import { Badge, Menu } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useWorkspace, type Workspace } from '../context/AuthContext';
import { useCounters } from '../context/CountersContext';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import { Kbd } from './Kbd';

interface Entry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  badge?: number;
  shortcut?: string;
}

export function SideMenu() {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const counters = useCounters();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const budgets: Entry[] = [
    { path: '/budgets', label: 'menu.budgets', icon: <FundOutlined /> },
    { path: '/ledger', label: 'menu.ledger', icon: <AccountBookOutlined /> },
  ];
  const byWorkspace: Record<Workspace, Entry[]> = {
    operator: [
      { path: '/queue', label: 'menu.queue', icon: <UnorderedListOutlined /> },
      { path: '/triage', label: 'menu.triage', icon: <FileSearchOutlined />, badge: counters?.triageWaiting },
      { path: '/new', label: 'menu.newCall', icon: <PhoneOutlined />, shortcut: 'n' },
      { path: '/unreadable', label: 'menu.unreadable', icon: <ExceptionOutlined />, badge: counters?.unreadable },
    ],
    supervisor: [{ path: '/queue', label: 'menu.queue', icon: <UnorderedListOutlined /> }, ...budgets],
    rewards: [
      { path: '/rewards', label: 'menu.rewards', icon: <GiftOutlined /> },
      { path: '/payouts', label: 'menu.payouts', icon: <WalletOutlined /> },
      ...budgets,
    ],
    admin: budgets,
    none: [],
  };
  const entries = byWorkspace[workspace];

  const selected = entries.find((entry) => pathname.startsWith(entry.path))?.path;
  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => navigate(key)}
      items={entries.map((entry) => ({
        key: entry.path,
        icon: entry.icon,
        'data-testid': `menu-${entry.path.slice(1)}`,
        label: (
          <span className="menu-label">
            {t(entry.label)}
            {entry.shortcut && <Kbd>{entry.shortcut}</Kbd>}
            {!!entry.badge && <Badge count={entry.badge} overflowCount={999} size="small" />}
          </span>
        ),
      }))}
    />
  );
}
