import { Result } from 'antd';
import { useMe } from '../context/AuthContext';
import { useI18n } from '../i18n';

export function ComingSoonPage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <div data-testid="coming-soon">
      <Result status="info" title={t('comingSoon.title')} subTitle={t('comingSoon.text', { roles: me.roles.map((role) => t(`role.${role}`)).join('、') })} />
    </div>
  );
}
