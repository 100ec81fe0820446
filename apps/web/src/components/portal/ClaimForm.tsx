import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { PayoutAccount } from '../../api/rewards-types';
import { useI18n } from '../../i18n';

const compact = (value?: string) => (value ?? '').replace(/[\s-]/g, '');

/** Shows an account number as groups of four, so the tipster can compare it with the card. */
const groups = (value: string) => value.replace(/(.{4})(?=.)/g, '$1 ');

export function ClaimForm({ busy, error, onSubmit, onCancel }: { busy: boolean; error: string | null; onSubmit: (payout: PayoutAccount) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PayoutAccount>();
  const [pending, setPending] = useState<PayoutAccount | null>(null);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('portal.fieldRequired', { field }) });

  const review = (values: PayoutAccount) =>
    setPending({ name: values.name.trim(), idNumber: compact(values.idNumber).toUpperCase(), bankName: values.bankName.trim(), accountNumber: compact(values.accountNumber) });

  return (
    <section className="portal-card" data-testid="portal-claim-form">
      <h2>{t('portal.claimTitle')}</h2>
      <p className="portal-hint">{t('portal.claimHint')}</p>
      <Form<PayoutAccount> form={form} layout="vertical" requiredMark={false} onFinish={review}>
        <Form.Item name="name" label={t('portal.payeeName')} rules={[required(t('portal.payeeName'))]}>
          <Input maxLength={32} autoComplete="name" data-testid="claim-name" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('portal.payeeId')}
          rules={[required(t('portal.payeeId')), { validator: (_, value?: string) => (!value || /^\d{17}[\dXx]$/.test(compact(value)) ? Promise.resolve() : Promise.reject(new Error(t('portal.idNumberInvalid')))) }]}
        >
          <Input maxLength={22} autoComplete="off" className="mono" data-testid="claim-id-number" />
        </Form.Item>
        <Form.Item name="bankName" label={t('portal.bankName')} rules={[required(t('portal.bankName'))]}>
          <Input maxLength={60} placeholder={t('portal.bankPlaceholder')} data-testid="claim-bank" />
        </Form.Item>
        <Form.Item
          name="accountNumber"
          label={t('portal.accountNumber')}
          rules={[required(t('portal.accountNumber')), { validator: (_, value?: string) => (!value || /^\d{8,30}$/.test(compact(value)) ? Promise.resolve() : Promise.reject(new Error(t('portal.accountInvalid')))) }]}
        >
          <Input inputMode="numeric" maxLength={40} autoComplete="off" className="mono" data-testid="claim-account" />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} className="portal-inline-alert" data-testid="claim-error" />}
        <div className="portal-actions">
          <Button type="primary" size="large" block htmlType="submit" data-testid="claim-review">
            {t('portal.claim')}
          </Button>
          <Button size="large" block type="text" onClick={onCancel}>
            {t('portal.back')}
          </Button>
        </div>
      </Form>
      <Modal
        open={pending !== null}
        title={t('portal.claimConfirmTitle')}
        onCancel={() => setPending(null)}
        onOk={() => {
          if (pending) onSubmit(pending);
          setPending(null);
        }}
        okText={t('portal.claimConfirm')}
        cancelText={t('portal.back')}
        okButtonProps={{ loading: busy, size: 'large', 'data-testid': 'claim-confirm' } as never}
        cancelButtonProps={{ size: 'large' }}
        centered
        width={400}
        className="portal-modal"
        data-testid="claim-confirm-dialog"
      >
        <p>{t('portal.claimConfirmText')}</p>
        {pending && (
          <dl className="portal-facts portal-facts-confirm">
            <dt>{t('portal.payeeName')}</dt>
            <dd>{pending.name}</dd>
            <dt>{t('portal.payeeId')}</dt>
            <dd className="mono">{pending.idNumber}</dd>
            <dt>{t('portal.bankName')}</dt>
            <dd>{pending.bankName}</dd>
            <dt>{t('portal.accountNumber')}</dt>
            <dd className="mono">{groups(pending.accountNumber)}</dd>
          </dl>
        )}
      </Modal>
    </section>
  );
}
