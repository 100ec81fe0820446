import { Descriptions, Space, Tag, Typography } from 'antd';
import type { Ticket } from '../../api/types';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useI18n } from '../../i18n';
import { formatFen } from '../../lib/money';
import { beijing } from '../../lib/time';

/** Acceptance, case filing, transfer and closure as the unit recorded them. */
export function CaseHandling({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const { unitName } = useTaxonomy();
  const { case: handling, reward } = ticket;
  const closure = handling.closure;
  const transfer = handling.transfer;
  return (
    <Descriptions size="small" column={2} bordered className="ticket-fields" data-testid="case-handling">
      <Descriptions.Item label={t('field.leadUnit')}>{unitName(ticket.routing?.leadUnit)}</Descriptions.Item>
      <Descriptions.Item label={t('field.assistUnits')}>
        {ticket.routing?.assistUnits.length ? ticket.routing.assistUnits.map((unit) => unitName(unit)).join('、') : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('case.acceptedAt')}>{beijing(handling.acceptedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('field.caseNumber')}>
        <span data-testid="case-number">{handling.caseNumber ?? '—'}</span>
        {handling.filedAt && <Typography.Text type="secondary" className="field-note"> · {beijing(handling.filedAt)}</Typography.Text>}
      </Descriptions.Item>
      {transfer && (
        <Descriptions.Item label={t('field.transfer')} span={2}>
          <Space direction="vertical" size={2} data-testid="case-transfer-state">
            <Space size={6} wrap>
              <Tag color={transfer.state === 'ACCEPTED' ? 'purple' : transfer.state === 'PROPOSED' || transfer.state === 'WITH_POLICE' ? 'blue' : 'volcano'}>
                {t(`transferState.${transfer.state}`)}
              </Tag>
              {transfer.policeUnit && <span>{unitName(transfer.policeUnit)}</span>}
              {transfer.extended && <Tag>{t('case.extended')}</Tag>}
            </Space>
            <span>
              {t('case.transferReason')}：{transfer.reason}（{transfer.proposedBy}，{beijing(transfer.proposedAt)}）
            </span>
            {transfer.refusedReason && <Typography.Text type="danger">{transfer.refusedReason}</Typography.Text>}
            {transfer.decisionReason && <span>{transfer.decisionReason}</span>}
          </Space>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('field.outcome')} span={2}>
        {closure ? (
          <Space direction="vertical" size={2} data-testid="case-outcome">
            <Space size={6} wrap>
              <Tag color="green">{t(`outcome.${closure.outcome}`)}</Tag>
              <Typography.Text type="secondary">{beijing(closure.closedAt)}</Typography.Text>
              {closure.decisionNumber && <span>{closure.decisionNumber}</span>}
            </Space>
            {closure.penalties.length > 0 && <span>{closure.penalties.map((penalty) => t(`penalty.${penalty}`)).join('、')}</span>}
            {(closure.fineFen > 0 || closure.confiscationFen > 0) && (
              <span data-testid="case-money">
                {t('case.fine')} {formatFen(closure.fineFen)} · {t('case.confiscation')} {formatFen(closure.confiscationFen)}
              </span>
            )}
            {closure.reason && <span className="history-reason">{closure.reason}</span>}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('case.notYet')}</Typography.Text>
        )}
      </Descriptions.Item>
      {reward && (
        <Descriptions.Item label={t('case.reward')} span={2}>
          {t(`rewardLevel.${reward.level}`).split('（')[0].split(' (')[0]} · {formatFen(reward.amountFen)} · {t(`rewardState.${reward.state}`)}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
