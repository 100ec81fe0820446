import { Alert, Checkbox, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { CLOSE_OUTCOMES, PENALTY_TYPES, REWARD_LEVELS, type CloseOutcome, type PenaltyType, type RewardLevel } from '@hub/contracts';
import type { CloseBody } from '../../api/caseTypes';
import { useI18n } from '../../i18n';
import { onCtrlEnter } from '../../lib/keys';
import { formatFen, yuanToFen } from '../../lib/money';

interface Values {
  outcome: CloseOutcome;
  reason?: string;
  decisionNumber?: string;
  penalties?: PenaltyType[];
  fineYuan?: string;
  confiscationYuan?: string;
  rewardLevel?: RewardLevel;
}

/** The form's values as the close body: money typed in yuan goes out in fen; only what the outcome needs. */
export function closeBody(values: Values): CloseBody {
  const body: CloseBody = { outcome: values.outcome };
  if (values.reason?.trim()) body.reason = values.reason.trim();
  if (values.outcome !== 'PENALIZED') return body;
  body.decisionNumber = values.decisionNumber?.trim();
  body.penalties = values.penalties ?? [];
  const fine = yuanToFen(values.fineYuan);
  const confiscation = yuanToFen(values.confiscationYuan);
  if (fine !== null && body.penalties.includes('FINE')) body.fineFen = fine;
  if (confiscation !== null && body.penalties.includes('CONFISCATION')) body.confiscationFen = confiscation;
  if (values.rewardLevel) body.rewardLevel = values.rewardLevel;
  return body;
}

interface CloseDialogProps {
  reportKind: boolean;
  busy: boolean;
  onSubmit: (body: CloseBody) => void;
  onClose: () => void;
}

function MoneyInput({ testId, ...props }: { testId: string; value?: string; onChange?: (value: string) => void }) {
  const { t } = useI18n();
  const fen = yuanToFen(props.value);
  return (
    <Space direction="vertical" size={2} className="full-width">
      <Input prefix="¥" suffix={t('money.yuan')} inputMode="decimal" placeholder="0.00" value={props.value} onChange={(event) => props.onChange?.(event.target.value)} data-testid={testId} />
      {fen !== null && <span className="field-note" data-testid={`${testId}-shown`}>{formatFen(fen)}</span>}
    </Space>
  );
}

export function CloseDialog({ reportKind, busy, onSubmit, onClose }: CloseDialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const penalties = Form.useWatch('penalties', form) ?? [];
  const money = (field: string) => ({
    validator: (_: unknown, value?: string) =>
      !value || yuanToFen(value) !== null ? Promise.resolve() : Promise.reject(new Error(t('case.close.moneyInvalid', { field }))),
  });

  return (
    <Modal
      open
      width={620}
      title={t('case.close.title')}
      okText={t('case.action.close')}
      okButtonProps={{ loading: busy, 'data-testid': 'close-dialog-submit' }}
      cancelText={t('action.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="close-dialog"
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => onSubmit(closeBody(values))} onKeyDown={onCtrlEnter(() => form.submit())}>
        <Form.Item name="outcome" label={t('case.close.outcome')} rules={[{ required: true, message: t('form.choose', { field: t('case.close.outcome') }) }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="close-outcome">
            {CLOSE_OUTCOMES.map((value) => (
              <Radio.Button key={value} value={value}>
                <span data-testid={`outcome-${value}`}>{t(`outcome.${value}`)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {outcome === 'NO_CASE' && (
          <Form.Item name="reason" label={t('case.close.noCaseReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('case.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('case.close.noCasePlaceholder')} data-testid="close-reason" />
          </Form.Item>
        )}
        {(outcome === 'MEDIATED' || outcome === 'MEDIATION_FAILED') && (
          <Form.Item name="reason" label={t('case.close.note')}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('case.close.mediationPlaceholder')} data-testid="close-reason" />
          </Form.Item>
        )}
        {outcome === 'PENALIZED' && (
          <>
            <Form.Item name="decisionNumber" label={t('case.close.decisionNumber')} rules={[{ required: true, whitespace: true, message: t('case.close.decisionRequired') }]}>
              <Input maxLength={100} placeholder={t('case.close.decisionPlaceholder')} data-testid="close-decision-number" />
            </Form.Item>
            <Form.Item name="penalties" label={t('case.close.penalties')} rules={[{ required: true, type: 'array', min: 1, message: t('case.close.penaltiesRequired') }]}>
              <Checkbox.Group data-testid="close-penalties">
                {PENALTY_TYPES.map((penalty) => (
                  <Checkbox key={penalty} value={penalty}>
                    <span data-testid={`penalty-${penalty}`}>{t(`penalty.${penalty}`)}</span>
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
            <Space size={16} align="start" className="full-width close-money">
              {penalties.includes('FINE') && (
                <Form.Item name="fineYuan" label={t('case.close.fine')} rules={[{ required: true, message: t('case.close.moneyRequired') }, money(t('case.close.fine'))]}>
                  <MoneyInput testId="close-fine" />
                </Form.Item>
              )}
              {penalties.includes('CONFISCATION') && (
                <Form.Item name="confiscationYuan" label={t('case.close.confiscation')} rules={[{ required: true, message: t('case.close.moneyRequired') }, money(t('case.close.confiscation'))]}>
                  <MoneyInput testId="close-confiscation" />
                </Form.Item>
              )}
            </Space>
            {reportKind && (
              <Form.Item name="rewardLevel" label={t('case.close.rewardLevel')} extra={t('case.close.rewardHint')}>
                <Select allowClear placeholder={t('case.close.rewardNone')} options={REWARD_LEVELS.map((level) => ({ value: level, label: t(`rewardLevel.${level}`) }))} data-testid="close-reward" />
              </Form.Item>
            )}
          </>
        )}
        {!outcome && <Alert type="info" showIcon message={t('case.close.pick')} />}
      </Form>
    </Modal>
  );
}
