import { EyeOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import type { ClaimState } from '../../hooks/useClaim';
import { useI18n } from '../../i18n';

export function ClaimBanner({ claim, readOnly }: { claim: ClaimState; readOnly: boolean }) {
  const { t } = useI18n();
  if (readOnly) return <Alert type="info" showIcon icon={<EyeOutlined />} message={t('claim.readOnly')} className="claim-alert" data-testid="claim-readonly" />;
  if (claim.mine) return <Alert type="success" showIcon icon={<LockOutlined />} message={t('claim.mine')} className="claim-alert" data-testid="claim-mine" />;
  if (claim.holder) {
    return (
      <Alert
        type="warning"
        showIcon
        icon={<LockOutlined />}
        message={<strong>{t('claim.byOther', { name: claim.holder.displayName })}</strong>}
        description={t('claim.byOtherHint')}
        className="claim-alert"
        data-testid="claim-banner"
        data-holder={claim.holder.displayName}
      />
    );
  }
  return <Alert type="info" showIcon icon={<UnlockOutlined />} message={t('common.loading')} className="claim-alert" data-testid="claim-pending" />;
}
