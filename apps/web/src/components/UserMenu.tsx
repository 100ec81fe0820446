import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useAuth, useMe } from '../context/AuthContext';
import { useI18n } from '../i18n';

export function UserMenu() {
  const me = useMe();
  const { logout } = useAuth();
  const { t } = useI18n();
  return (
    <Dropdown
      trigger={['click']}
      menu={{ items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('menu.logout'), onClick: logout }] }}
    >
      <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
        {me.displayName}
      </Button>
    </Dropdown>
  );
}
