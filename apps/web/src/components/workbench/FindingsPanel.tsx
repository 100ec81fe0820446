import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { FindingView } from '@hub/contracts';
import { App, Button, Empty, Form, Input, List, Space, Spin, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { caseRecordsApi } from '../../api/workbench';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { useFetched } from '../../hooks/useFetched';
import { useI18n } from '../../i18n';
import { fileSize, saveBlob } from '../../lib/files';
import { onCtrlEnter } from '../../lib/keys';
import { beijing } from '../../lib/time';

/** The unit's findings with their attachments; the lead unit adds to them while the ticket is open. */
export function FindingsPanel({ ticketId, canAdd }: { ticketId: string; canAdd: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [generation, setGeneration] = useState(0);
  const fetched = useFetched(`${ticketId}:${generation}`, () => caseRecordsApi.findings(ticketId));
  const [form] = Form.useForm<{ text: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async ({ text }: { text: string }) => {
    setBusy(true);
    try {
      await caseRecordsApi.addFinding(ticketId, text.trim(), files.map((file) => file.originFileObj as File).filter(Boolean));
      form.resetFields();
      setFiles([]);
      setGeneration((n) => n + 1);
      void message.success(t('case.findingSaved'));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const download = (attachment: FindingView['attachments'][number]) =>
    caseRecordsApi.findingAttachment(ticketId, attachment.id).then((blob) => saveBlob(blob, attachment.fileName), onError);

  const findings = fetched.state === 'ready' ? fetched.data : [];
  return (
    <Space direction="vertical" size={8} className="full-width" data-testid="findings">
      {fetched.state === 'loading' ? (
        <Spin />
      ) : findings.length ? (
        <List
          size="small"
          dataSource={findings}
          renderItem={(finding) => (
            <List.Item>
              <Space direction="vertical" size={2} className="full-width">
                <Typography.Text type="secondary" className="field-note">
                  {beijing(finding.at)} · {finding.author}
                </Typography.Text>
                <div className="history-reason">{finding.text}</div>
                {finding.attachments.map((attachment) => (
                  <Button key={attachment.id} size="small" type="link" icon={<PaperClipOutlined />} onClick={() => download(attachment)}>
                    {attachment.fileName}
                    {attachment.sizeBytes !== null && ` (${fileSize(attachment.sizeBytes)})`}
                  </Button>
                ))}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.findingsNone')} />
      )}
      {canAdd && (
        <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
          <Form.Item name="text" label={t('case.findingText')} rules={[{ required: true, whitespace: true, message: t('case.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={4000} placeholder={t('case.findingPlaceholder')} onKeyDown={onCtrlEnter(() => form.submit())} data-testid="finding-text" />
          </Form.Item>
          <Space>
            <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)}>
              <Button icon={<UploadOutlined />}>{t('case.findingFiles')}</Button>
            </Upload>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="finding-submit">
              {t('case.findingAdd')}
            </Button>
          </Space>
        </Form>
      )}
    </Space>
  );
}
