import { SendOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { consoleApi } from '../api/endpoints';
import { KINDS, type Kind } from '@hub/contracts';
import { type NewCallBody, type SubjectSuggestion, type Ticket } from '../api/types';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { Kbd } from '../components/Kbd';
import { CreatedNotice } from '../components/newCall/CreatedNotice';
import { SubjectInput } from '../components/newCall/SubjectInput';
import { useTaxonomy } from '../context/TaxonomyContext';
import { useErrorHandler } from '../hooks/useErrorHandler';
import { useRegionSuggestion } from '../hooks/useRegionSuggestion';
import { useI18n } from '../i18n';
import { onCtrlEnter } from '../lib/keys';
import { regionSourceLabel } from '../lib/labels';

interface CallValues {
  description: string;
  kind: Kind;
  anonymous: boolean;
  reporterName?: string;
  reporterPhone?: string;
  subjectName?: string;
  subjectAddress?: string;
  regionCode?: string;
  productName?: string;
}

const INITIAL: Partial<CallValues> = { kind: 'COMPLAINT', anonymous: false };

const SERVER_FIELDS: Record<string, keyof CallValues> = {
  description: 'description',
  kind: 'kind',
  'reporter.name': 'reporterName',
  'reporter.phone': 'reporterPhone',
  'subject.name': 'subjectName',
  'subject.address': 'subjectAddress',
  regionCode: 'regionCode',
  productName: 'productName',
};

const trimmed = (value?: string) => value?.trim() || undefined;

function toBody(values: CallValues): NewCallBody {
  const subject = { name: trimmed(values.subjectName), address: trimmed(values.subjectAddress) };
  return {
    kind: values.kind,
    description: values.description.trim(),
    regionCode: values.regionCode,
    productName: trimmed(values.productName),
    subject: subject.name || subject.address ? subject : undefined,
    reporter: { anonymous: values.anonymous, name: values.anonymous ? undefined : trimmed(values.reporterName), phone: trimmed(values.reporterPhone) },
  };
}

export function NewCallPage() {
  const { t } = useI18n();
  const { taxonomy } = useTaxonomy();
  const onError = useErrorHandler();
  const [form] = Form.useForm<CallValues>();
  const [created, setCreated] = useState<Ticket | null>(null);
  const [busy, setBusy] = useState(false);
  const [regionChosen, setRegionChosen] = useState(false);
  const descriptionRef = useRef<TextAreaRef>(null);

  const description = Form.useWatch('description', form) ?? '';
  const address = Form.useWatch('subjectAddress', form) ?? '';
  const anonymous = Form.useWatch('anonymous', form) ?? false;
  const regionCode = Form.useWatch('regionCode', form);
  const suggestion = useRegionSuggestion(`${address} ${description}`);

  useEffect(() => {
    if (suggestion?.regionCode && !regionChosen) form.setFieldValue('regionCode', suggestion.regionCode);
  }, [suggestion, regionChosen, form]);

  const pickSubject = (subject: SubjectSuggestion) => {
    if (subject.address && !form.getFieldValue('subjectAddress')) form.setFieldValue('subjectAddress', subject.address);
    if (!regionChosen) form.setFieldValue('regionCode', subject.regionCode);
  };

  const submit = async (values: CallValues) => {
    setBusy(true);
    try {
      setCreated(await consoleApi.createTicket(toBody(values)));
      form.resetFields();
      setRegionChosen(false);
      descriptionRef.current?.focus();
    } catch (error) {
      if (error instanceof ApiError) {
        form.setFields(error.details.flatMap(({ field, message }) => (SERVER_FIELDS[field] ? [{ name: SERVER_FIELDS[field], errors: [message] }] : [])));
      }
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page page-scroll">
      <Card
        className="new-call"
        size="small"
        title={t('newCall.title')}
        extra={
          <Typography.Text type="secondary">
            {t('newCall.hint')} <Kbd>Ctrl+Enter</Kbd>
          </Typography.Text>
        }
      >
        {created && <CreatedNotice ticket={created} onClose={() => setCreated(null)} />}
        <Form<CallValues> form={form} layout="vertical" initialValues={INITIAL} onFinish={submit} onKeyDown={onCtrlEnter(() => form.submit())} requiredMark={false} data-testid="newcall-form">
          <Form.Item name="description" label={t('field.description')} rules={[{ required: true, whitespace: true, message: t('newCall.descriptionRequired') }]}>
            <Input.TextArea ref={descriptionRef} autoFocus autoSize={{ minRows: 4, maxRows: 10 }} placeholder={t('newCall.descriptionPlaceholder')} data-testid="newcall-description" />
          </Form.Item>
          <Form.Item name="kind" label={t('field.kind')}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="newcall-kind" options={KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} />
          </Form.Item>
          <div className="reporter-row">
            <Form.Item name="reporterName" label={t('field.reporterName')} className="grow">
              <Input disabled={anonymous} autoComplete="off" data-testid="newcall-reporter-name" />
            </Form.Item>
            <Form.Item name="reporterPhone" label={t('field.reporterPhone')} className="grow">
              <Input autoComplete="off" inputMode="tel" data-testid="newcall-reporter-phone" />
            </Form.Item>
            <Form.Item name="anonymous" valuePropName="checked" label=" " className="anonymous">
              <Checkbox data-testid="newcall-anonymous">{t('field.anonymous')}</Checkbox>
            </Form.Item>
          </div>
          <Form.Item name="subjectName" label={t('field.subject')}>
            <SubjectInput regionCode={regionCode} onPick={pickSubject} />
          </Form.Item>
          <Form.Item name="subjectAddress" label={t('field.subjectAddress')}>
            <Input placeholder={t('newCall.addressPlaceholder')} autoComplete="off" data-testid="newcall-subject-address" />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('field.region')}
            extra={suggestion?.regionCode && !regionChosen ? t('newCall.regionDetected', { source: regionSourceLabel(t, suggestion.source) }) : undefined}
          >
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('newCall.regionPlaceholder')}
              options={Object.entries(taxonomy.regions).map(([value, label]) => ({ value, label }))}
              onChange={() => setRegionChosen(true)}
              data-testid="newcall-region"
            />
          </Form.Item>
          <Form.Item name="productName" label={t('field.product')}>
            <Input autoComplete="off" data-testid="newcall-product" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={busy} data-testid="newcall-submit">
            {t('action.submit')} <Kbd>Ctrl+Enter</Kbd>
          </Button>
        </Form>
      </Card>
    </div>
  );
}
