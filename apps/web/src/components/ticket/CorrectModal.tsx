import { Form, Modal, Select, Typography } from 'antd';
import type { RefSelectProps } from 'antd/es/select';
import { useEffect, useMemo, useRef } from 'react';
import type { Ticket } from '../../api/types';
import { useTaxonomy } from '../../context/TaxonomyContext';
import type { Decision } from '../../hooks/useTicketActions';
import { useI18n } from '../../i18n';
import { onCtrlEnter } from '../../lib/keys';

export type CorrectFocus = 'first' | 'leadUnit';

interface CorrectValues {
  category: string;
  violation: string;
  stage: string;
  leadUnit?: string;
  assistUnits?: string[];
}

interface CorrectModalProps {
  ticket: Ticket;
  focus: CorrectFocus;
  busy: boolean;
  onSubmit: (decision: Decision) => void;
  onClose: () => void;
}

const byLabel = (record: Record<string, string>) => Object.entries(record).map(([value, label]) => ({ value, label }));

export function CorrectModal({ ticket, focus, busy, onSubmit, onClose }: CorrectModalProps) {
  const { t } = useI18n();
  const { taxonomy } = useTaxonomy();
  const [form] = Form.useForm<CorrectValues>();
  const firstRef = useRef<RefSelectProps>(null);
  const unitRef = useRef<RefSelectProps>(null);
  const formBox = useRef<HTMLDivElement>(null);
  const focusTarget = () => (focus === 'leadUnit' ? unitRef : firstRef).current?.focus();
  // Focus at once so the first keystrokes are not lost; the dialog may take focus back while it animates open.
  useEffect(() => focusTarget(), []);
  const keepFocus = (open: boolean) => open && !formBox.current?.contains(document.activeElement) && focusTarget();

  const unitOptions = useMemo(
    () => taxonomy.units.map((unit) => ({ value: unit.code, label: `${unit.name}（${unit.code}）`, search: `${unit.name} ${unit.code}`.toLowerCase() })),
    [taxonomy.units],
  );
  const filterUnit = (input: string, option?: { search: string }) => !!option && input.toLowerCase().split(/\s+/).every((word) => option.search.includes(word));

  const initial: Partial<CorrectValues> = {
    category: ticket.classification?.category,
    violation: ticket.classification?.violation,
    stage: ticket.classification?.stage,
    leadUnit: ticket.routing?.leadUnit ?? undefined,
    assistUnits: ticket.routing?.assistUnits ?? [],
  };

  const submit = (values: CorrectValues) =>
    onSubmit({
      category: values.category,
      violation: values.violation,
      stage: values.stage,
      ...(values.leadUnit ? { leadUnit: values.leadUnit, assistUnits: values.assistUnits ?? [] } : {}),
    });

  const required = (label: string) => [{ required: true, message: t('form.choose', { field: label }) }];

  return (
    <Modal
      open
      title={t('correct.title')}
      width={640}
      okText={t('action.submit')}
      cancelText={t('action.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'correct-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={keepFocus}
      destroyOnHidden
    >
      <div ref={formBox} onKeyDown={onCtrlEnter(() => form.submit())} data-testid="correct-form">
        <Form<CorrectValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} requiredMark={false}>
          <Form.Item name="category" label={t('field.category')} rules={required(t('field.category'))}>
            <Select ref={firstRef} showSearch optionFilterProp="label" options={byLabel(taxonomy.categories)} data-testid="field-category" />
          </Form.Item>
          <Form.Item name="violation" label={t('field.violation')} rules={required(t('field.violation'))}>
            <Select showSearch optionFilterProp="label" options={byLabel(taxonomy.violations)} data-testid="field-violation" />
          </Form.Item>
          <Form.Item name="stage" label={t('field.stage')} rules={required(t('field.stage'))}>
            <Select showSearch optionFilterProp="label" options={byLabel(taxonomy.stages)} data-testid="field-stage" />
          </Form.Item>
          <Form.Item name="leadUnit" label={t('field.leadUnit')} extra={<Typography.Text type="secondary">{t('correct.rulesDecide')}</Typography.Text>}>
            <Select
              ref={unitRef}
              showSearch
              allowClear
              placeholder={t('correct.leadUnitPlaceholder')}
              filterOption={filterUnit}
              options={unitOptions}
              data-testid="field-leadUnit"
            />
          </Form.Item>
          <Form.Item name="assistUnits" label={t('field.assistUnits')}>
            <Select mode="multiple" allowClear placeholder={t('correct.assistPlaceholder')} filterOption={filterUnit} options={unitOptions} data-testid="field-assistUnits" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
