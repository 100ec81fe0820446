import { Form, Input, Modal } from 'antd';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import { onCtrlEnter } from '../lib/keys';

interface DiscardModalProps {
  title: MessageKey;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

const MIN_REASON = 2;

/** Asks for the reason every discard needs; used for tickets and for unreadable feed records. */
export function DiscardModal({ title, busy, onSubmit, onClose }: DiscardModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={t(title)}
      okText={t('action.discard')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'discard-submit' }}
      cancelText={t('action.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={({ reason }) => onSubmit(reason.trim())} requiredMark={false}>
        <Form.Item
          name="reason"
          label={t('discard.reason')}
          rules={[{ required: true, whitespace: true, min: MIN_REASON, message: t('discard.reasonRequired') }]}
        >
          <Input.TextArea
            autoFocus
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('discard.reasonPlaceholder')}
            onKeyDown={onCtrlEnter(() => form.submit())}
            data-testid="discard-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
