import { Alert, Segmented, Typography } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { OVERSIGHT_CONCERNS, transfersApi, type OversightConcern } from '../api/workbench';
import { CaseList, clockColumn, flagsColumn, outcomeColumn, transferColumn } from '../components/workbench/CaseList';
import { useI18n } from '../i18n';

const columns: Parameters<typeof CaseList>[0]['columns'] = (t, c) => [
  transferColumn(t),
  clockColumn(t, 'policeDecisionBy', 'deadline.clock.policeDecisionBy'),
  c.code,
  c.subject,
  c.leadUnit,
  outcomeColumn(t),
  flagsColumn(t),
];

/** PROSECUTOR, read-only: every transfer, every refusal and decline, and penalised cases with a crime flag never transferred (有案不移). */
export function OversightPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const concern = (OVERSIGHT_CONCERNS as readonly string[]).includes(params.get('concern') ?? '') ? (params.get('concern') as OversightConcern) : undefined;
  const fetchPage = useCallback((cursor: string | null) => transfersApi.oversight(concern, cursor), [concern]);
  return (
    <CaseList
      title={<Typography.Title level={4}>{t('oversight.title')}</Typography.Title>}
      toolbar={
        <>
          <Segmented
            size="small"
            value={concern ?? 'ALL'}
            onChange={(value) => setParams(value === 'ALL' ? {} : { concern: String(value) }, { replace: true })}
            options={[
              { value: 'ALL', label: <span data-testid="oversight-ALL">{t('oversight.concern.ALL')}</span> },
              ...OVERSIGHT_CONCERNS.map((value) => ({ value, label: <span data-testid={`oversight-${value}`}>{t(`oversight.concern.${value}`)}</span> })),
            ]}
          />
          <Alert type="info" showIcon className="inline-alert" message={t('oversight.readOnly')} />
        </>
      }
      testId="oversight"
      listKey={concern ?? 'ALL'}
      fetchPage={fetchPage}
      columns={columns}
      empty="oversight.empty"
      scoped={false}
    />
  );
}
