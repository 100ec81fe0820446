import { SafetyCertificateOutlined } from '@ant-design/icons';
import { ConfigProvider } from 'antd';
import { Outlet } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { LanguageSwitch } from '../LanguageSwitch';
import { LeaveGuardProvider, useGuardedNavigate } from './leaveGuard';
import './portal.css';

/** Larger type and touch targets than the staff console: the portal is used on phones. */
const PORTAL_THEME = { token: { fontSize: 16, controlHeight: 44, controlHeightLG: 52, borderRadius: 8, colorPrimary: '#1659c7' } };

function PortalHeader() {
  const { t } = useI18n();
  const go = useGuardedNavigate();
  return (
    <header className="portal-header">
      <a
        href="/portal"
        className="portal-brand"
        onClick={(event) => {
          event.preventDefault();
          go('/portal');
        }}
        data-testid="portal-home-link"
      >
        <SafetyCertificateOutlined className="portal-brand-icon" aria-hidden />
        <span className="portal-brand-text">
          <span className="portal-brand-name">{t('portal.brand')}</span>
          <span className="portal-brand-sub">{t('portal.brandSub')}</span>
        </span>
      </a>
      <LanguageSwitch className="portal-lang" testId="portal-lang" size="middle" />
    </header>
  );
}

export function PortalLayout() {
  const { t } = useI18n();
  return (
    <ConfigProvider theme={PORTAL_THEME}>
      <LeaveGuardProvider>
        <div className="portal" data-testid="portal">
          <PortalHeader />
          <main className="portal-main">
            <Outlet />
          </main>
          <footer className="portal-footer">
            <p>{t('portal.safety')}</p>
            <p>{t('portal.hotline')}</p>
          </footer>
        </div>
      </LeaveGuardProvider>
    </ConfigProvider>
  );
}
