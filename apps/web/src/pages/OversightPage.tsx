import { Alert, Segmented, Typography } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { OVERSIGHT_VIEWS, transfersApi, type OversightView } from '../api/workbench';
import { CaseList, clockColumn, flagsColumn, outcomeColumn, transferColumn } from '../components/workbench/CaseList';
import { useI18n, type MessageKey } from '../i18n';

const LABELS: Record<OversightView, MessageKey> = {
  transfers: 'oversight.tab.transfers',
  refusals: 'oversight.tab.refusals',
  'not-transferred': 'oversight.tab.notTransferred',
};

const columns: Parameters<typeof CaseList>[0]['columns'] = (t, c) => [
  transferColumn(t),
  clockColumn(t, 'policeDecisionBy', 'deadline.clock.policeDecisionBy'),
  c.code,
  c.subject,
  c.leadUnit,
  outcomeColumn(t),
  flagsColumn(t),
];

/** PROSECUTOR, read-only: every transfer, every refusal, and penalised cases with a crime flag never transferred (有案不移). */
export function OversightPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const view = (OVERSIGHT_VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as OversightView) : 'transfers';
  const fetchPage = useCallback((cursor: string | null) => transfersApi.oversight(view, cursor), [view]);
  return (
    <CaseList
      title={<Typography.Title level={4}>{t('oversight.title')}</Typography.Title>}
      toolbar={
        <>
          <Segmented
            size="small"
            value={view}
            onChange={(value) => setParams({ view: String(value) }, { replace: true })}
            options={OVERSIGHT_VIEWS.map((value) => ({ value, label: <span data-testid={`oversight-${value}`}>{t(LABELS[value])}</span> }))}
          />
          <Alert type="info" showIcon className="inline-alert" message={t('oversight.readOnly')} />
        </>
      }
      testId="oversight"
      listKey={view}
      fetchPage={fetchPage}
      columns={columns}
      empty="oversight.empty"
      scoped={false}
    />
  );
}
