import { Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Ticket } from '../../api/types';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useI18n } from '../../i18n';
import { regionSourceLabel } from '../../lib/labels';
import { beijing } from '../../lib/time';
import { FlagTags } from '../FlagTags';
import { DuplicateLinks } from './DuplicateLinks';

export function TicketFields({ ticket, candidates }: { ticket: Ticket; candidates: Map<string, Ticket> }) {
  const { t } = useI18n();
  const { feedName, regionName } = useTaxonomy();
  const { reporter, subject } = ticket;
  const reporterText = [reporter.name, reporter.phone, reporter.idNumber, reporter.email].filter(Boolean).join(' · ');

  return (
    <Descriptions size="small" column={2} bordered className="ticket-fields" data-testid="ticket-fields">
      <Descriptions.Item label={t('field.hotline')}>{feedName(ticket.feed)}</Descriptions.Item>
      <Descriptions.Item label={t('field.externalId')}>
        <Typography.Text copyable={!!ticket.externalId}>{ticket.externalId ?? '—'}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('field.kind')}>
        {t(`kind.${ticket.kind}`)} · {t(`channel.${ticket.channel}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('field.receivedAt')}>{beijing(ticket.receivedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('field.reporter')} span={2}>
        <Space size={6} data-testid="ticket-reporter">
          {reporter.anonymous && <Tag>{t('field.anonymous')}</Tag>}
          <span>{reporterText || '—'}</span>
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('field.subject')} span={2}>
        <Space size={6} wrap>
          <Typography.Text strong data-testid="ticket-subject">
            {subject?.name ?? '—'}
          </Typography.Text>
          {subject?.uscc && (
            <Typography.Text type={subject.usccValid === false ? 'danger' : 'secondary'} className="mono">
              {subject.uscc}
              {subject.usccValid === false && ` (${t('field.usccInvalid')})`}
            </Typography.Text>
          )}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('field.subjectAddress')} span={2}>
        {subject?.address ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('field.region')}>
        <span data-testid="ticket-region">
          {regionName(ticket.regionCode)}
          {ticket.countyCode && ticket.countyCode !== ticket.regionCode && ` · ${ticket.countyCode}`}
        </span>
        {ticket.regionSource && (
          <Typography.Text type="secondary" className="field-note">
            {' '}
            ({regionSourceLabel(t, ticket.regionSource)})
          </Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('field.product')}>{ticket.productName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('field.description')} span={2}>
        <div className="description-text" data-testid="ticket-description">
          {ticket.description}
        </div>
      </Descriptions.Item>
      <Descriptions.Item label={t('field.flags')} span={2}>
        {ticket.flags.length ? <FlagTags flags={ticket.flags} /> : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('field.duplicates')} span={2}>
        <DuplicateLinks ids={ticket.duplicateCandidates} tickets={candidates} />
      </Descriptions.Item>
      {ticket.duplicateOf && (
        <Descriptions.Item label={t('ticket.duplicateOf')} span={2}>
          <Link to={`/tickets/${encodeURIComponent(ticket.duplicateOf)}`}>{ticket.duplicateOf}</Link>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
