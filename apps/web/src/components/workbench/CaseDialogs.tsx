import { Form, Input, Modal, Radio, Select } from 'antd';
import type { ReactNode } from 'react';
import { PAUSE_REASONS, REWARD_LEVELS, type PauseReason, type RewardLevel } from '@hub/contracts';
import { useMe } from '../../context/AuthContext';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useI18n, type MessageKey } from '../../i18n';
import { onCtrlEnter } from '../../lib/keys';

interface DialogProps<V> {
  busy: boolean;
  onSubmit: (values: V) => void;
  onClose: () => void;
}

interface ShellProps {
  title: MessageKey;
  okText?: MessageKey;
  danger?: boolean;
  busy: boolean;
  onOk: () => void;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}

function DialogShell({ title, okText = 'action.submit', danger, busy, onOk, onClose, testId, children }: ShellProps) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t(title)}
      okText={t(okText)}
      okButtonProps={{ danger, loading: busy, 'data-testid': `${testId}-submit` }}
      cancelText={t('action.cancel')}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
      data-testid={testId}
    >
      {children}
    </Modal>
  );
}

const MIN_REASON = 2;

/** Every move that needs a reason in words: return, transfer proposal, refusal, police decline. */
export function ReasonDialog({ title, label, placeholder, okText, danger, testId, busy, onSubmit, onClose }: DialogProps<string> & {
  title: MessageKey;
  label: MessageKey;
  placeholder: MessageKey;
  okText?: MessageKey;
  danger?: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <DialogShell title={title} okText={okText} danger={danger} busy={busy} onOk={() => form.submit()} onClose={onClose} testId={testId}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={({ reason }) => onSubmit(reason.trim())}>
        <Form.Item name="reason" label={t(label)} rules={[{ required: true, whitespace: true, min: MIN_REASON, message: t('case.reasonRequired') }]}>
          <Input.TextArea autoFocus rows={3} maxLength={500} showCount placeholder={t(placeholder)} onKeyDown={onCtrlEnter(() => form.submit())} data-testid={`${testId}-reason`} />
        </Form.Item>
      </Form>
    </DialogShell>
  );
}

export function AssistDialog({ busy, onSubmit, onClose, exclude }: DialogProps<{ unit: string; note: string }> & { exclude: string[] }) {
  const { t } = useI18n();
  const me = useMe();
  const { taxonomy } = useTaxonomy();
  const [form] = Form.useForm<{ unit: string; note: string }>();
  const skip = new Set([me.unit, ...exclude]);
  const options = taxonomy.units
    .filter((unit) => !skip.has(unit.code) && unit.department !== 'POLICE')
    .map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})` }));
  return (
    <DialogShell title="case.assist.title" busy={busy} onOk={() => form.submit()} onClose={onClose} testId="assist-dialog">
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => onSubmit({ unit: values.unit, note: (values.note ?? '').trim() })}>
        <Form.Item name="unit" label={t('case.assist.unit')} rules={[{ required: true, message: t('form.choose', { field: t('case.assist.unit') }) }]}>
          <Select autoFocus showSearch optionFilterProp="label" options={options} placeholder={t('case.assist.unitPlaceholder')} data-testid="assist-unit" />
        </Form.Item>
        <Form.Item name="note" label={t('case.assist.note')} rules={[{ required: true, whitespace: true, message: t('case.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('case.assist.notePlaceholder')} onKeyDown={onCtrlEnter(() => form.submit())} data-testid="assist-note" />
        </Form.Item>
      </Form>
    </DialogShell>
  );
}

export function FileCaseDialog({ busy, onSubmit, onClose }: DialogProps<string>) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ caseNumber: string }>();
  return (
    <DialogShell title="case.fileCase.title" busy={busy} onOk={() => form.submit()} onClose={onClose} testId="file-case-dialog">
      <Form form={form} layout="vertical" requiredMark={false} onFinish={({ caseNumber }) => onSubmit(caseNumber.trim())}>
        <Form.Item name="caseNumber" label={t('case.fileCase.number')} extra={t('case.fileCase.hint')} rules={[{ required: true, whitespace: true, message: t('case.fileCase.required') }]}>
          <Input autoFocus maxLength={100} placeholder={t('case.fileCase.placeholder')} onKeyDown={onCtrlEnter(() => form.submit())} data-testid="file-case-number" />
        </Form.Item>
      </Form>
    </DialogShell>
  );
}

export function PauseDialog({ busy, onSubmit, onClose }: DialogProps<PauseReason>) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: PauseReason }>();
  return (
    <DialogShell title="case.pause.title" busy={busy} onOk={() => form.submit()} onClose={onClose} testId="pause-dialog">
      <Form form={form} layout="vertical" requiredMark={false} onFinish={({ reason }) => onSubmit(reason)}>
        <Form.Item name="reason" label={t('case.pause.reason')} extra={t('case.pause.hint')} rules={[{ required: true, message: t('form.choose', { field: t('case.pause.reason') }) }]}>
          <Radio.Group data-testid="pause-reason">
            {PAUSE_REASONS.map((reason) => (
              <Radio key={reason} value={reason}>
                <span data-testid={`pause-${reason}`}>{t(`pauseReason.${reason}`)}</span>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      </Form>
    </DialogShell>
  );
}

export function ApproveDialog({ busy, onSubmit, onClose, reportKind }: DialogProps<RewardLevel | undefined> & { reportKind: boolean }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ rewardLevel?: RewardLevel }>();
  return (
    <DialogShell title="case.approve.title" okText="case.action.approve" busy={busy} onOk={() => form.submit()} onClose={onClose} testId="approve-dialog">
      <Form form={form} layout="vertical" requiredMark={false} onFinish={({ rewardLevel }) => onSubmit(rewardLevel)}>
        <p>{t('case.approve.text')}</p>
        {reportKind && (
          <Form.Item name="rewardLevel" label={t('case.close.rewardLevel')} extra={t('case.close.rewardHint')}>
            <Select allowClear options={REWARD_LEVELS.map((level) => ({ value: level, label: t(`rewardLevel.${level}`) }))} data-testid="approve-reward" />
          </Form.Item>
        )}
      </Form>
    </DialogShell>
  );
}
