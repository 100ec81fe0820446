import { Alert, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { recordsApi, type CreditRecord } from '../api/records';
import { useI18n } from '../i18n';
import { CreditCaseList } from './CreditCaseList';
import { beijing } from '../lib/time';

/** The subject's credit record (诚信档案) on the staff ticket view: prior cases and the blacklist state. */
export function CreditRecordPanel({ ticketId, version }: { ticketId: string; version: number }) {
  const { t } = useI18n();
  const [record, setRecord] = useState<CreditRecord | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    recordsApi
      .forTicket(ticketId)
      .then((r) => live && setRecord(r))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [ticketId, version]);

  const subject = record?.subject;
  return (
    <Card size="small" title={t('records.panel.title')} data-testid="credit-record">
      {failed && <Alert type="warning" showIcon message={t('error.load')} />}
      {!failed && !record && <Spin size="small" />}
      {record && !subject && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('records.panel.none')} />}
      {subject && (
        <Space direction="vertical" size={6} style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>{subject.subjectName}</Typography.Text>
            {subject.uscc && <Typography.Text type="secondary">{subject.uscc}</Typography.Text>}
            {subject.blacklisted ? (
              <Tag color="red" data-testid="credit-blacklisted">{t('records.panel.blacklisted')}</Tag>
            ) : (
              <Tag color="orange">{t('records.panel.hasRecord', { n: record.cases.length })}</Tag>
            )}
          </Space>
          {subject.blacklisted && subject.listedReason && (
            <Typography.Text type="danger">
              {beijing(subject.listedAt)} {subject.listedReason}
            </Typography.Text>
          )}
          <CreditCaseList cases={record.cases} />
        </Space>
      )}
    </Card>
  );
}
