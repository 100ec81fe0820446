import { GiftOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import type { PublicReward, RewardState } from '../../api/rewards-types';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { beijing } from '../../lib/time';

const TONE: Record<RewardState, string> = {
  PROPOSED: 'processing',
  APPROVED: 'blue',
  NOTIFIED: 'orange',
  CLAIMED: 'cyan',
  PAID: 'success',
  REJECTED: 'default',
  EXPIRED: 'default',
};

const beijingDate = (iso: string | null | undefined) => beijing(iso).slice(0, 10);

export function RewardPanel({ reward, updatedAt, onClaim }: { reward: PublicReward | null; updatedAt: string; onClaim: () => void }) {
  const { t } = useI18n();
  if (!reward) {
    return (
      <section className="portal-card" data-testid="portal-reward">
        <h2>
          <GiftOutlined aria-hidden /> {t('portal.rewardSection')}
        </h2>
        <p className="portal-hint">{t('portal.noReward')}</p>
      </section>
    );
  }
  const paidAt = reward.state === 'PAID' ? (reward.paidAt ?? updatedAt) : null;
  const hidesAmount = reward.state === 'REJECTED';
  return (
    <section className={`portal-card portal-reward portal-reward-${reward.state.toLowerCase()}`} data-testid="portal-reward" data-state={reward.state}>
      <div className="portal-reward-head">
        <h2>
          <GiftOutlined aria-hidden /> {t('portal.rewardSection')}
        </h2>
        <Tag color={TONE[reward.state]} className="portal-reward-tag" data-testid="portal-reward-state">
          {t(`portal.rewardState.${reward.state}`)}
        </Tag>
      </div>
      {!hidesAmount && (
        <div className="portal-amount">
          <span className="portal-amount-label">{t('portal.amount')}</span>
          <span className="portal-amount-value" data-testid="portal-reward-amount">
            {formatFen(reward.amountFen)}
          </span>
        </div>
      )}
      <p className="portal-reward-text">{t(`portal.rewardText.${reward.state}`, { date: beijingDate(reward.claimBy) })}</p>
      <dl className="portal-facts">
        {reward.claimBy && (reward.state === 'NOTIFIED' || reward.state === 'APPROVED' || reward.state === 'EXPIRED') && (
          <>
            <dt>{t('portal.claimBy')}</dt>
            <dd data-testid="portal-reward-claim-by">{beijing(reward.claimBy)}</dd>
          </>
        )}
        {paidAt && (
          <>
            <dt>{t('portal.paidAt')}</dt>
            <dd data-testid="portal-reward-paid-at">{beijing(paidAt)}</dd>
          </>
        )}
      </dl>
      {reward.state === 'NOTIFIED' && (
        <Button type="primary" size="large" block onClick={onClaim} data-testid="portal-claim">
          {t('portal.claim')}
        </Button>
      )}
    </section>
  );
}
