import { Steps } from 'antd';
import type { Reward } from '../../api/rewards-types';
import { useI18n } from '../../i18n';
import { beijing } from '../../lib/time';

/** Who approved and who still has to: the officer, and FINANCE for rewards of ¥500,000.00 or more. */
export function ApprovalSteps({ reward }: { reward: Reward }) {
  const { t } = useI18n();
  const rejected = reward.state === 'REJECTED';
  const step = (approval: Reward['officerApproval'], title: string, waiting: boolean) => ({
    title,
    status: approval ? ('finish' as const) : rejected ? ('error' as const) : waiting ? ('process' as const) : ('wait' as const),
    description: approval ? t('reward.step.done', { name: approval.by, time: beijing(approval.at) }) : t('reward.step.pending'),
  });
  const items = [step(reward.officerApproval, t('reward.step.officer'), !reward.officerApproval)];
  if (reward.needsFinance) items.push(step(reward.financeApproval, t('reward.step.finance'), !!reward.officerApproval && !reward.financeApproval));
  return <Steps size="small" direction="vertical" items={items} className="approval-steps" data-testid="approval-steps" />;
}
