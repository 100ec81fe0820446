import { DeleteOutlined, DownloadOutlined, RedoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { feedRecordsApi } from '../../api/endpoints';
import type { FeedRecord, FeedRecordDetail, RerunResult } from '../../api/types';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { useFetched } from '../../hooks/useFetched';
import { useI18n } from '../../i18n';
import { fileSize, saveBlob } from '../../lib/files';
import { beijing } from '../../lib/time';
import { DiscardModal } from '../DiscardModal';
import { RerunResultView } from './RerunResultView';

const ACTIONABLE = ['UNREADABLE', 'REJECTED', 'PARTIAL'];

interface FeedRecordDrawerProps {
  recordId: string;
  onChanged: (record: FeedRecord) => void;
  onClose: () => void;
}

export function FeedRecordDrawer({ recordId, onChanged, onClose }: FeedRecordDrawerProps) {
  const { t } = useI18n();
  const { feedName } = useTaxonomy();
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const fetched = useFetched(recordId, () => feedRecordsApi.get(recordId));
  // A record read successfully is no longer served on its own (its tickets are), so changes are kept here.
  const [changed, setChanged] = useState<FeedRecordDetail | null>(null);
  const [result, setResult] = useState<RerunResult | null>(null);
  const [busy, setBusy] = useState<'rerun' | 'discard' | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const record = changed ?? (fetched.state === 'ready' ? fetched.data : null);

  const change = (next: FeedRecordDetail) => {
    setChanged(next);
    onChanged(next);
  };

  const rerun = async () => {
    setBusy('rerun');
    try {
      const outcome = await feedRecordsApi.rerun(recordId);
      setResult(outcome);
      if (record) change({ ...record, state: outcome.state, attempts: record.attempts + 1 });
    } catch (error) {
      onError(error);
    } finally {
      setBusy(null);
    }
  };

  const discard = async (reason: string) => {
    setBusy('discard');
    try {
      change(await feedRecordsApi.discard(recordId, reason));
      setDiscarding(false);
      void message.success(t('unreadable.discarded'));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(null);
    }
  };

  const download = () => feedRecordsApi.body(recordId).then((blob) => saveBlob(blob, `${record?.feed ?? 'feed'}-${recordId}.raw`), onError);
  const actionable = !!record && ACTIONABLE.includes(record.state);

  return (
    <Drawer
      open
      width={760}
      onClose={onClose}
      title={record ? `${feedName(record.feed)} · ${beijing(record.receivedAt)}` : t('common.loading')}
      data-testid="raw-drawer"
      extra={
        <Space>
          <Button icon={<RedoOutlined />} type="primary" disabled={!actionable || busy !== null} loading={busy === 'rerun'} onClick={rerun} data-testid="raw-rerun">
            {t('action.rerun')}
          </Button>
          <Button icon={<DeleteOutlined />} danger disabled={!actionable || busy !== null} onClick={() => setDiscarding(true)} data-testid="raw-discard">
            {t('action.discard')}
          </Button>
        </Space>
      }
    >
      {!record ? (
        <Spin />
      ) : (
        <Space direction="vertical" size={12} className="full-width">
          {result && <RerunResultView result={result} />}
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('unreadable.state')}>
              <Tag data-testid="raw-state">{t(`rawState.${record.state}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('unreadable.attempts')}>{record.attempts}</Descriptions.Item>
            <Descriptions.Item label={t('unreadable.contentType')}>{record.contentType ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('unreadable.size')}>{fileSize(record.sizeBytes)}</Descriptions.Item>
            <Descriptions.Item label={t('unreadable.error')} span={2}>
              {record.errorCode ? <Typography.Text type="danger">{`${record.errorCode}: ${record.errorMessage ?? ''}`}</Typography.Text> : '—'}
            </Descriptions.Item>
            {record.discardReason && (
              <Descriptions.Item label={t('unreadable.discardReason')} span={2}>
                {record.discardReason}
              </Descriptions.Item>
            )}
            {record.tickets.length > 0 && (
              <Descriptions.Item label={t('unreadable.tickets')} span={2}>
                <Space wrap>
                  {record.tickets.map((ticket) => (
                    <Link key={ticket.ticketId} to={`/tickets/${encodeURIComponent(ticket.ticketId)}`}>
                      {ticket.trackingCode}
                    </Link>
                  ))}
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Space className="preview-head">
            <Typography.Text strong>{t('unreadable.preview')}</Typography.Text>
            <Button size="small" icon={<DownloadOutlined />} onClick={download}>
              {t('unreadable.downloadBody')}
            </Button>
          </Space>
          {record.previewTruncated && <Alert type="info" showIcon message={t('unreadable.truncated')} />}
          <pre className="raw-preview raw-preview-drawer" data-testid="raw-preview">
            {record.preview}
          </pre>
        </Space>
      )}
      {discarding && <DiscardModal title="unreadable.discardReason" busy={busy === 'discard'} onSubmit={discard} onClose={() => setDiscarding(false)} />}
    </Drawer>
  );
}
