import { Col, Descriptions, Empty, Modal, Radio, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Ticket } from '../../api/types';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useI18n } from '../../i18n';
import { beijing } from '../../lib/time';
import { StatusTag } from '../StatusTag';

function Side({ title, ticket }: { title: string; ticket: Ticket }) {
  const { t } = useI18n();
  const { regionName, feedName } = useTaxonomy();
  return (
    <Descriptions size="small" column={1} bordered title={title} className="merge-side">
      <Descriptions.Item label={t('field.trackingCode')}>
        {ticket.trackingCode} <StatusTag status={ticket.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('field.hotline')}>
        {feedName(ticket.feed)} · {beijing(ticket.receivedAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('field.subject')}>{ticket.subject?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('field.region')}>{regionName(ticket.regionCode)}</Descriptions.Item>
      <Descriptions.Item label={t('field.product')}>{ticket.productName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('field.description')}>
        <Typography.Paragraph ellipsis={{ rows: 4, expandable: true }} className="merge-text">
          {ticket.description}
        </Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}

interface MergeModalProps {
  ticket: Ticket;
  candidates: Map<string, Ticket>;
  busy: boolean;
  onSubmit: (masterId: string) => void;
  onClose: () => void;
}

export function MergeModal({ ticket, candidates, busy, onSubmit, onClose }: MergeModalProps) {
  const { t } = useI18n();
  const visible = ticket.duplicateCandidates.filter((id) => candidates.has(id));
  const [masterId, setMasterId] = useState<string | undefined>(visible[0]);
  const master = masterId ? candidates.get(masterId) : undefined;

  return (
    <Modal
      open
      width={980}
      title={t('merge.title')}
      okText={t('action.merge')}
      cancelText={t('action.cancel')}
      okButtonProps={{ disabled: !masterId, loading: busy, 'data-testid': 'merge-submit' }}
      onOk={() => masterId && onSubmit(masterId)}
      onCancel={onClose}
      destroyOnHidden
    >
      {visible.length === 0 ? (
        <Empty description={t('merge.none')} />
      ) : (
        <Space direction="vertical" size={12} className="full-width">
          <Typography.Text>{t('merge.pick')}</Typography.Text>
          <Radio.Group value={masterId} onChange={(event) => setMasterId(event.target.value as string)} data-testid="merge-candidates">
            <Space direction="vertical">
              {visible.map((id) => {
                const candidate = candidates.get(id)!;
                return (
                  <Radio key={id} value={id} autoFocus={id === visible[0]} data-testid={`merge-candidate-${candidate.trackingCode}`}>
                    {candidate.trackingCode} · {candidate.subject?.name ?? '—'} · {beijing(candidate.receivedAt)}
                  </Radio>
                );
              })}
            </Space>
          </Radio.Group>
          <Row gutter={12}>
            <Col span={12}>
              <Side title={t('merge.current')} ticket={ticket} />
            </Col>
            <Col span={12}>{master && <Side title={t('merge.master')} ticket={master} />}</Col>
          </Row>
        </Space>
      )}
    </Modal>
  );
}
