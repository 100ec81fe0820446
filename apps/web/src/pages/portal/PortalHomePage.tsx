import { AuditOutlined, EditOutlined, GiftOutlined, LockOutlined, RightOutlined, SearchOutlined, StopOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n, type MessageKey } from '../../i18n';

function BigLink({ to, icon, title, sub, testId }: { to: string; icon: ReactNode; title: MessageKey; sub: MessageKey; testId: string }) {
  const { t } = useI18n();
  return (
    <Link to={to} className="portal-big-link" data-testid={testId}>
      <span className="portal-big-icon" aria-hidden>
        {icon}
      </span>
      <span className="portal-big-text">
        <strong>{t(title)}</strong>
        <span>{t(sub)}</span>
      </span>
      <RightOutlined className="portal-big-arrow" aria-hidden />
    </Link>
  );
}

export function PortalHomePage() {
  const { t } = useI18n();
  return (
    <div className="portal-page" data-testid="portal-home">
      <section className="portal-hero">
        <h1>{t('portal.homeTitle')}</h1>
        <p>{t('portal.homeLead')}</p>
      </section>
      <nav className="portal-big-links">
        <BigLink to="/portal/submit" icon={<EditOutlined />} title="portal.goSubmit" sub="portal.goSubmitSub" testId="portal-go-submit" />
        <BigLink to="/portal/status" icon={<SearchOutlined />} title="portal.goStatus" sub="portal.goStatusSub" testId="portal-go-status" />
        <BigLink to="/public/penalties" icon={<AuditOutlined />} title="portal.goPenalties" sub="portal.goPenaltiesSub" testId="portal-go-penalties" />
        <BigLink to="/public/blacklist" icon={<StopOutlined />} title="portal.goBlacklist" sub="portal.goBlacklistSub" testId="portal-go-blacklist" />
      </nav>
      <section className="portal-note">
        <h2>
          <GiftOutlined aria-hidden /> {t('portal.rewardTitle')}
        </h2>
        <p>{t('portal.rewardText')}</p>
      </section>
      <section className="portal-note">
        <h2>
          <LockOutlined aria-hidden /> {t('portal.privacyTitle')}
        </h2>
        <p>{t('portal.privacyText')}</p>
      </section>
    </div>
  );
}
