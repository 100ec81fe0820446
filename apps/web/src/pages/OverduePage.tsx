import { Typography } from 'antd';
import { transfersApi } from '../api/workbench';
import { CaseList, clockColumn, flagsColumn } from '../components/workbench/CaseList';
import { useWorkspace } from '../context/AuthContext';
import { useI18n } from '../i18n';

const fetchPage = (cursor: string | null) => transfersApi.overdue(cursor);
const columns: Parameters<typeof CaseList>[0]['columns'] = (t, c) => [clockColumn(t, 'next', 'field.deadline'), c.status, c.code, c.subject, c.leadUnit, c.region, flagsColumn(t)];

/** UNIT_HEAD (the unit's) and SUPERVISOR (every unit's): tickets past a deadline, most overdue first. */
export function OverduePage() {
  const { t } = useI18n();
  const supervisor = useWorkspace() === 'supervisor';
  return (
    <CaseList
      title={<Typography.Title level={4}>{t('overdue.title')}</Typography.Title>}
      testId="overdue"
      listKey="overdue"
      fetchPage={fetchPage}
      columns={columns}
      empty="overdue.empty"
      scoped={!supervisor}
    />
  );
}
