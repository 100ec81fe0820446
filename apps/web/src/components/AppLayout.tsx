import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Outlet, useNavigate } from 'react-router-dom';
import { isConsoleWorkspace, useWorkspace } from '../context/AuthContext';
import { useHotkeys } from '../hooks/useHotkeys';
import { useI18n } from '../i18n';
import { CountersBar } from './CountersBar';
import { LanguageSwitch } from './LanguageSwitch';
import { LiveStatus } from './LiveStatus';
import { ShortcutHelp } from './ShortcutHelp';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

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
          {isConsoleWorkspace(workspace) && <CountersBar />}
          <Space size={12} className="app-header-tools">
            {isConsoleWorkspace(workspace) && <LiveStatus />}
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
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </Layout>
  );
}
