import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Reward } from '../../api/rewards-types';
import type { TaxonomyValue } from '../../context/TaxonomyContext';
import type { Translate } from '../../i18n';
import { formatFen } from '../../lib/money';
import { beijing } from '../../lib/time';
import { DeadlineWords } from './DeadlineWords';
import { RewardStateTag } from './RewardStateTag';

export function rewardColumns(t: Translate, taxonomy: TaxonomyValue, payouts: boolean): ColumnsType<Reward> {
  const departmentName = (code: string) => taxonomy.taxonomy.departments[code] ?? code;
  return [
    {
      title: t('reward.state'),
      key: 'state',
      width: 150,
      render: (_, row) => (
        <span>
          <RewardStateTag state={row.state} />
          {row.needsFinance && row.state === 'PROPOSED' && (
            <Tag color={row.officerApproval ? 'gold' : 'default'} bordered={false}>
              {t('reward.financeBadge')}
            </Tag>
          )}
        </span>
      ),
    },
    { title: t('reward.trackingCode'), dataIndex: 'trackingCode', width: 160, render: (code: string) => <span className="mono">{code}</span> },
    { title: t('reward.level'), dataIndex: 'level', width: 80, render: (level: Reward['level']) => t(`reward.levelName.${level}`) },
    { title: t('reward.amount'), dataIndex: 'amountFen', width: 140, align: 'right', render: (fen: number) => <span className="money">{formatFen(fen)}</span> },
    { title: t('reward.department'), dataIndex: 'department', width: 170, ellipsis: true, render: departmentName },
    payouts
      ? { title: t('reward.claimedAt'), dataIndex: 'claimedAt', width: 140, render: (at: string | null) => beijing(at) }
      : { title: t('reward.proposedAt'), dataIndex: 'proposedAt', width: 140, render: (at: string) => beijing(at) },
    {
      title: payouts ? t('reward.voucherNumber') : t('reward.notifyBy'),
      key: 'clock',
      render: (_, row) =>
        payouts ? (
          <Typography.Text type="secondary">{row.voucherNumber ?? '—'}</Typography.Text>
        ) : row.state === 'PROPOSED' || row.state === 'APPROVED' ? (
          <DeadlineWords deadline={row.noticeBy} startedAt={row.caseClosedAt ?? row.proposedAt} />
        ) : row.claimBy && row.state === 'NOTIFIED' ? (
          <span>
            {t('reward.claimBy')} {beijing(row.claimBy)}
          </span>
        ) : (
          '—'
        ),
    },
  ];
}
