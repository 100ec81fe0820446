import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Typography } from 'antd';
import type { PayeeReveal, Reward } from '../../api/rewards-types';
import { useI18n } from '../../i18n';
import { Kbd } from '../Kbd';

/** The payee's identity and account: encrypted until a REWARD_OFFICER asks, with a reason, on this page only. */
export function PayeePanel({ reward, revealed, canReveal, onReveal }: { reward: Reward; revealed: PayeeReveal | null; canReveal: boolean; onReveal: () => void }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={t('reward.payee')}
      extra={
        canReveal &&
        !revealed && (
          <Button size="small" icon={<EyeOutlined />} onClick={onReveal} data-testid="payee-reveal">
            {t('reward.reveal')} <Kbd>v</Kbd>
          </Button>
        )
      }
      data-testid="payee-panel"
    >
      {!revealed ? (
        <Typography.Paragraph type="secondary" className="payee-locked">
          <LockOutlined /> {reward.payeeClaimed ? t('reward.payeeClaimed') : t('reward.payeeNone')}。{t('reward.payeeMasked')}
        </Typography.Paragraph>
      ) : (
        <>
          <Alert type="warning" showIcon message={t('reward.revealed')} className="payee-alert" />
          {revealed.payout && (
            <Descriptions size="small" column={1} bordered data-testid="payee-payout">
              <Descriptions.Item label={t('portal.payeeName')}>{revealed.payout.name}</Descriptions.Item>
              <Descriptions.Item label={t('portal.payeeId')}>
                <span className="mono">{revealed.payout.idNumber}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('portal.bankName')}>{revealed.payout.bankName}</Descriptions.Item>
              <Descriptions.Item label={t('portal.accountNumber')}>
                <span className="mono">{revealed.payout.accountNumber}</span>
              </Descriptions.Item>
            </Descriptions>
          )}
          {revealed.reporter && (
            <Descriptions size="small" column={1} title={t('reward.reporterSection')} className="payee-reporter" data-testid="payee-reporter">
              {revealed.reporter.anonymous ? (
                <Descriptions.Item label={t('reward.reporterSection')}>{t('reward.anonymousReporter')}</Descriptions.Item>
              ) : (
                <>
                  <Descriptions.Item label={t('portal.name')}>{revealed.reporter.name ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('reward.phone')}>{revealed.reporter.phone ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('portal.payeeId')}>{revealed.reporter.idNumber ?? '—'}</Descriptions.Item>
                </>
              )}
            </Descriptions>
          )}
        </>
      )}
    </Card>
  );
}
