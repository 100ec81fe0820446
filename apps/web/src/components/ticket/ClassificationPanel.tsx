import { Descriptions, Tag, Typography } from 'antd';
import type { Ticket } from '../../api/types';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useI18n } from '../../i18n';
import { Confidence } from '../Confidence';

export function ClassificationPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const { label, unitName } = useTaxonomy();
  const { classification, routing } = ticket;
  if (!classification) return <Typography.Text type="secondary">{t('ticket.notClassified')}</Typography.Text>;

  return (
    <>
      <Descriptions size="small" column={2} bordered className="ticket-fields" data-testid="ticket-classification">
        <Descriptions.Item label={t('field.category')} span={2}>
          {label('categories', classification.category)}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.violation')} span={2}>
          {label('violations', classification.violation)}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.stage')} span={2}>
          {label('stages', classification.stage)}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.leadUnit')}>
          <Typography.Text strong data-testid="ticket-lead-unit">
            {unitName(routing?.leadUnit)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('field.confidence')}>
          <Confidence value={classification.confidence} />
        </Descriptions.Item>
        <Descriptions.Item label={t('field.assistUnits')}>{routing?.assistUnits.length ? routing.assistUnits.map(unitName).join('、') : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.rule')}>
          {routing?.ruleId ?? '—'}
          {routing && (
            <Tag className="tag-gap" color={routing.auto ? 'blue' : 'default'}>
              {t(routing.auto ? 'ticket.autoRouted' : ticket.status === 'TRIAGE' ? 'field.proposal' : 'ticket.operatorDecided')}
            </Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      {classification.explanation && (
        <div className="explanation" data-testid="ticket-explanation">
          <Typography.Text type="secondary">{t('field.explanation')}</Typography.Text>
          <div>{classification.explanation}</div>
        </div>
      )}
    </>
  );
}
