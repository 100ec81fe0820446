import { Form, Input, Modal, Select } from 'antd';
import type { ReactNode } from 'react';
import { EXCLUSIONS, type Exclusion } from '../../api/rewards-types';
import { useI18n } from '../../i18n';
import { onCtrlEnter } from '../../lib/keys';

export interface ReasonValues {
  text: string;
  exclusion?: Exclusion;
}

interface ReasonModalProps {
  title: string;
  intro?: ReactNode;
  label: string;
  placeholder?: string;
  /** The message when the text is missing; without it the text is optional. */
  requiredMessage?: string;
  okText: string;
  danger?: boolean;
  withExclusion?: boolean;
  /** A one-line field (a voucher number) instead of a text box. */
  single?: boolean;
  busy: boolean;
  testId: string;
  onSubmit: (values: ReasonValues) => void;
  onClose: () => void;
}

/** One dialog for every reward action that takes a line of text: approval comment, rejection reason, voucher, reveal reason. */
export function ReasonModal({ title, intro, label, placeholder, requiredMessage, okText, danger, withExclusion, single, busy, testId, onSubmit, onClose }: ReasonModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReasonValues>();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger, loading: busy, 'data-testid': `${testId}-submit` } as never}
      cancelText={t('action.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid={testId}
    >
      {intro && <div className="reason-intro">{intro}</div>}
      <Form<ReasonValues> form={form} layout="vertical" requiredMark={false} onFinish={(values) => onSubmit({ ...values, text: (values.text ?? '').trim() })}>
        <Form.Item name="text" label={label} rules={requiredMessage ? [{ required: true, whitespace: true, min: 2, message: requiredMessage }] : []}>
          {single ? (
            <Input autoFocus maxLength={64} autoComplete="off" placeholder={placeholder} className="mono" data-testid={`${testId}-text`} />
          ) : (
            <Input.TextArea autoFocus rows={2} maxLength={500} placeholder={placeholder} onKeyDown={onCtrlEnter(() => form.submit())} data-testid={`${testId}-text`} />
          )}
        </Form.Item>
        {withExclusion && (
          <Form.Item name="exclusion" label={t('reward.exclusion')}>
            <Select allowClear options={EXCLUSIONS.map((value) => ({ value, label: t(`reward.exclusion.${value}`) }))} data-testid={`${testId}-exclusion`} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
