import type { TransferState } from '@hub/contracts';
import { Segmented, Typography } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { transfersApi } from '../api/workbench';
import { CaseList, clockColumn, flagsColumn, outcomeColumn, transferColumn } from '../components/workbench/CaseList';
import { useI18n } from '../i18n';

const STATES: readonly TransferState[] = ['WITH_POLICE', 'ACCEPTED', 'DECLINED'];

const columns: Parameters<typeof CaseList>[0]['columns'] = (t, c) => [
  clockColumn(t, 'policeDecisionBy', 'deadline.clock.policeDecisionBy'),
  transferColumn(t),
  c.code,
  c.subject,
  c.leadUnit,
  outcomeColumn(t),
  flagsColumn(t),
];

/** POLICE_LIAISON: cases handed to this police unit, the 3-day (10 extended) clock on each. */
export function PoliceTransfersPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const state: TransferState = (STATES as readonly string[]).includes(params.get('state') ?? '') ? (params.get('state') as TransferState) : 'WITH_POLICE';
  const fetchPage = useCallback((cursor: string | null) => transfersApi.police(state, cursor), [state]);
  return (
    <CaseList
      title={<Typography.Title level={4}>{t('police.title')}</Typography.Title>}
      toolbar={
        <Segmented
          size="small"
          value={state}
          onChange={(value) => setParams({ state: String(value) }, { replace: true })}
          options={STATES.map((value) => ({ value, label: t(`transferState.${value}`) }))}
          data-testid="police-state"
        />
      }
      testId="police"
      listKey={state}
      fetchPage={fetchPage}
      columns={columns}
      empty="police.empty"
      scoped={false}
    />
  );
}
