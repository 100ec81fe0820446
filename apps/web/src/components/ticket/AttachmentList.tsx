import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Empty, List, Spin, Typography } from 'antd';
import { ticketsApi } from '../../api/endpoints';
import type { Attachment } from '../../api/types';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { useFetched } from '../../hooks/useFetched';
import { useI18n } from '../../i18n';
import { fileSize, saveBlob } from '../../lib/files';

export function AttachmentList({ ticketId }: { ticketId: string }) {
  const { t } = useI18n();
  const onError = useErrorHandler();
  const fetched = useFetched(ticketId, () => ticketsApi.attachments(ticketId));

  const download = (attachment: Attachment) =>
    ticketsApi.attachmentBlob(ticketId, attachment.id).then((blob) => saveBlob(blob, attachment.fileName), onError);

  if (fetched.state === 'loading') return <Spin />;
  const attachments = fetched.state === 'ready' ? fetched.data : [];
  if (!attachments.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ticket.noAttachments')} />;
  return (
    <List
      size="small"
      dataSource={attachments}
      data-testid="ticket-attachments"
      renderItem={(attachment) => (
        <List.Item
          actions={[
            <Button key="download" size="small" icon={<DownloadOutlined />} onClick={() => download(attachment)}>
              {t('action.download')}
            </Button>,
          ]}
        >
          <List.Item.Meta
            avatar={<PaperClipOutlined />}
            title={attachment.fileName}
            description={
              <Typography.Text type="secondary">
                {attachment.mimeType} · {fileSize(attachment.sizeBytes)}
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}
