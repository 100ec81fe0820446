import { Alert, Typography } from 'antd';
import { transfersApi } from '../api/workbench';
import { CaseList, clockColumn, flagsColumn, transferColumn } from '../components/workbench/CaseList';
import { useI18n } from '../i18n';

const fetchPage = (cursor: string | null) => transfersApi.approvals(cursor);
const columns: Parameters<typeof CaseList>[0]['columns'] = (t, c) => [
  clockColumn(t, 'transferDecisionBy', 'deadline.clock.transferDecisionBy'),
  transferColumn(t),
  c.code,
  c.subject,
  c.category,
  flagsColumn(t),
];

/** UNIT_HEAD: transfers to the police the unit's handlers proposed, each with the 3-day clock. */
export function TransferApprovalsPage() {
  const { t } = useI18n();
  return (
    <CaseList
      title={<Typography.Title level={4}>{t('approvals.title')}</Typography.Title>}
      toolbar={<Alert type="info" showIcon className="inline-alert" message={t('approvals.hint')} />}
      testId="approvals"
      listKey="approvals"
      fetchPage={fetchPage}
      columns={columns}
      empty="approvals.empty"
    />
  );
}
