import { Tag } from 'antd';
import type { RewardState } from '../../api/rewards-types';
import { useI18n } from '../../i18n';

const COLORS: Record<RewardState, string> = {
  PROPOSED: 'orange',
  APPROVED: 'blue',
  NOTIFIED: 'geekblue',
  CLAIMED: 'purple',
  PAID: 'green',
  REJECTED: 'default',
  EXPIRED: 'default',
};

export function RewardStateTag({ state }: { state: RewardState }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[state]} bordered={false} data-state={state}>
      {t(`reward.stateName.${state}`)}
    </Tag>
  );
}
