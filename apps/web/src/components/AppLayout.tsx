import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Outlet, useNavigate } from 'react-router-dom';
import { useMe, useWorkspace, type Workspace } from '../context/AuthContext';
import { useTaxonomyMaybe } from '../context/TaxonomyContext';
import { useHotkeys } from '../hooks/useHotkeys';
import { useI18n } from '../i18n';
import { CountersBar } from './CountersBar';
import { LanguageSwitch } from './LanguageSwitch';
import { LiveStatus } from './LiveStatus';
import { NotificationsBell } from './NotificationsBell';
import { ShortcutHelp } from './ShortcutHelp';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

const CONSOLE: Workspace[] = ['operator', 'supervisor'];
const NOTIFIED: Workspace[] = ['unit', 'supervisor', 'police'];

/** Outside the dispatch centre the header says whose desk this is. */
function UnitHeading({ workspace }: { workspace: Workspace }) {
  const me = useMe();
  const taxonomy = useTaxonomyMaybe();
  const { t } = useI18n();
  if (workspace === 'none') return <span />;
  return (
    <Space size={8} className="unit-heading" data-testid="unit-heading">
      <Typography.Text strong>{me.unit ? (taxonomy?.unitName(me.unit) ?? me.unit) : t(`role.${me.roles[0]}`)}</Typography.Text>
      <Typography.Text type="secondary">{me.roles.map((role) => t(`role.${role}`)).join('、')}</Typography.Text>
    </Space>
  );
}

export function AppLayout() {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const [helpOpen, setHelpOpen] = useState(false);

  useHotkeys({
    '?': () => setHelpOpen((open) => !open),
    n: () => workspace === 'operator' && navigate('/new'),
  });

  return (
    <Layout className="app-shell">
      <Layout.Sider width={190} theme="light" className="app-sider">
        <div className="app-brand">
          <Typography.Text strong>{t('app.title')}</Typography.Text>
          <Typography.Text type="secondary" className="app-brand-sub">
            {t('app.subtitle')}
          </Typography.Text>
        </div>
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          {CONSOLE.includes(workspace) ? <CountersBar /> : <UnitHeading workspace={workspace} />}
          <Space size={12} className="app-header-tools">
            {workspace !== 'none' && <LiveStatus />}
            {NOTIFIED.includes(workspace) && <NotificationsBell />}
            <Tooltip title={t('help.title')}>
              <Button type="text" icon={<QuestionCircleOutlined />} onClick={() => setHelpOpen(true)} data-testid="help-button">
                ?
              </Button>
            </Tooltip>
            <LanguageSwitch />
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} workspace={workspace} />
    </Layout>
  );
}
