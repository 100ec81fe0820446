import { PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Radio, Select, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { portalApi } from '../../api/rewards';
import type { PortalKind, PublicTipBody, TipReceipt } from '../../api/rewards-types';
import { TipReceiptView } from '../../components/portal/TipReceiptView';
import { useI18n } from '../../i18n';
import { PORTAL_REGIONS, regionLabel } from '../../lib/regions';

interface TipValues {
  kind: PortalKind;
  description: string;
  productName?: string;
  regionCode?: string;
  subjectName?: string;
  subjectAddress?: string;
  uscc?: string;
  identity: 'anonymous' | 'named';
  name?: string;
  phone?: string;
  idNumber?: string;
  pledge: boolean;
}

export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The server recognises files by their content; the browser's type and the extension only catch obvious mistakes early. */
const FILE_ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,application/pdf,.jpg,.jpeg,.png,.webp,.heic,.heif,.pdf';
const looksAllowed = (file: File) => /^(image\/(jpeg|png|webp|heic|heif)|application\/pdf)$/.test(file.type) || /\.(jpe?g|png|webp|heic|heif|pdf)$/i.test(file.name);

const SERVER_FIELDS: Record<string, keyof TipValues> = {
  kind: 'kind',
  description: 'description',
  productName: 'productName',
  regionCode: 'regionCode',
  'subject.name': 'subjectName',
  'subject.address': 'subjectAddress',
  'subject.uscc': 'uscc',
  'reporter.name': 'name',
  'reporter.phone': 'phone',
  'reporter.idNumber': 'idNumber',
};

const trimmed = (value?: string) => value?.trim() || undefined;
const digits = (value?: string) => (value ?? '').replace(/[\s-]/g, '').replace(/^\+?86/, '');

function toBody(values: TipValues): PublicTipBody {
  const subject = { name: trimmed(values.subjectName), address: trimmed(values.subjectAddress), uscc: trimmed(values.uscc)?.toUpperCase() };
  return {
    kind: values.kind,
    description: values.description.trim(),
    productName: trimmed(values.productName),
    regionCode: values.regionCode,
    subject: subject.name || subject.address || subject.uscc ? subject : undefined,
    reporter:
      values.identity === 'anonymous'
        ? { anonymous: true }
        : { anonymous: false, name: values.name!.trim(), phone: digits(values.phone), idNumber: trimmed(values.idNumber)?.toUpperCase() },
  };
}

const INITIAL: Partial<TipValues> = { kind: 'REPORT', identity: 'anonymous', pledge: false };

export function PortalSubmitPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TipValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<TipReceipt | null>(null);
  const identity = Form.useWatch('identity', form) ?? 'anonymous';
  const sizeText = `${MAX_FILE_BYTES / 1024 / 1024} MB`;

  if (receipt) return <TipReceiptView receipt={receipt} />;

  const addFile = (file: File) => {
    if (files.length >= MAX_FILES) setFileError(t('portal.fileTooMany', { n: MAX_FILES }));
    else if (!looksAllowed(file)) setFileError(t('portal.fileWrongType', { name: file.name }));
    else if (file.size > MAX_FILE_BYTES) setFileError(t('portal.fileTooBig', { name: file.name, size: sizeText }));
    else {
      setFileError(null);
      setFiles((prev) => [...prev, { uid: `${Date.now()}-${prev.length}-${file.name}`, name: file.name, size: file.size, type: file.type, originFileObj: file as UploadFile['originFileObj'] }]);
    }
    return Upload.LIST_IGNORE;
  };

  const submit = async (values: TipValues) => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await portalApi.submit(
        toBody(values),
        files.map((file) => file.originFileObj as File),
      );
      window.scrollTo(0, 0);
      setReceipt(result);
    } catch (error) {
      if (error instanceof ApiError) {
        const fields = error.details.flatMap(({ field, message: text }) => (SERVER_FIELDS[field] ? [{ name: SERVER_FIELDS[field], errors: [text] }] : []));
        form.setFields(fields);
        const fileProblem = error.details.find(({ field }) => field.startsWith('files'));
        if (fileProblem || error.status === 413 || error.status === 415) setFileError(fileProblem?.message ?? error.message);
        // The field messages are in plain Chinese; the top-level one may be technical.
        const reason = error.status === 429 ? t('portal.tooManyNoTime') : (error.details[0]?.message ?? error.message);
        setFailure(t('portal.submitFailed', { reason }));
      } else setFailure(t('error.network'));
      void message.error(t('portal.fixFields'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="portal-page" data-testid="portal-submit">
      <h1 className="portal-title">{t('portal.submitTitle')}</h1>
      <Form<TipValues>
        form={form}
        layout="vertical"
        initialValues={INITIAL}
        onFinish={submit}
        onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
        requiredMark={false}
        scrollToFirstError={false}
        className="portal-form"
      >
        <section className="portal-card">
          <Form.Item name="kind" label={t('portal.kind')}>
            <Radio.Group className="portal-choices" data-testid="tip-kind">
              {(['REPORT', 'COMPLAINT'] as const).map((kind) => (
                <Radio key={kind} value={kind} className="portal-choice">
                  <strong data-testid={`tip-kind-${kind}`}>{t(`portal.kind.${kind}`)}</strong>
                  <span>{t(`portal.kind.${kind}.hint`)}</span>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="description"
            label={t('portal.description')}
            rules={[{ required: true, whitespace: true, min: 10, message: t('portal.descriptionRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 5, maxRows: 12 }} maxLength={5000} showCount placeholder={t('portal.descriptionPlaceholder')} data-testid="tip-description" />
          </Form.Item>
          <Form.Item name="productName" label={t('portal.product')}>
            <Input maxLength={200} placeholder={t('portal.productPlaceholder')} data-testid="tip-product" />
          </Form.Item>
          <Form.Item name="regionCode" label={t('portal.region')}>
            <Select
              placeholder={t('portal.regionPlaceholder')}
              options={PORTAL_REGIONS.map((region) => ({ value: region.code, label: regionLabel(region, lang) }))}
              data-testid="tip-region"
              popupClassName="portal-select-popup"
              listHeight={320}
            />
          </Form.Item>
        </section>

        <section className="portal-card">
          <h2>{t('portal.subjectTitle')}</h2>
          <Form.Item name="subjectName" label={t('portal.subjectName')}>
            <Input maxLength={200} autoComplete="off" data-testid="tip-subject-name" />
          </Form.Item>
          <Form.Item name="subjectAddress" label={t('portal.subjectAddress')}>
            <Input maxLength={300} autoComplete="off" placeholder={t('portal.subjectAddressPlaceholder')} data-testid="tip-subject-address" />
          </Form.Item>
          <Form.Item
            name="uscc"
            label={t('portal.uscc')}
            extra={t('portal.usccHint')}
            normalize={(value?: string) => value?.toUpperCase()}
            rules={[{ pattern: /^\s*([0-9A-Z]{18})?\s*$/, message: t('portal.usccInvalid') }]}
          >
            <Input maxLength={18} autoComplete="off" autoCapitalize="characters" className="mono" data-testid="tip-uscc" />
          </Form.Item>
        </section>

        <section className="portal-card">
          <h2>{t('portal.filesTitle')}</h2>
          <p className="portal-hint">{t('portal.filesHint', { n: MAX_FILES, size: sizeText })}</p>
          <Upload
            accept={FILE_ACCEPT}
            multiple
            listType="picture"
            fileList={files}
            beforeUpload={addFile}
            onRemove={(file) => setFiles((prev) => prev.filter((item) => item.uid !== file.uid))}
            className="portal-upload"
          >
            {files.length < MAX_FILES && (
              <Button block icon={<PaperClipOutlined />} data-testid="tip-files">
                {t('portal.filesAdd')} ({files.length}/{MAX_FILES})
              </Button>
            )}
          </Upload>
          {fileError && <Alert type="warning" showIcon message={fileError} className="portal-inline-alert" data-testid="tip-file-error" />}
        </section>

        <section className="portal-card">
          <h2>{t('portal.identityTitle')}</h2>
          <Form.Item name="identity">
            <Radio.Group optionType="button" buttonStyle="solid" className="portal-segment" data-testid="tip-identity">
              <Radio value="anonymous">
                <span data-testid="tip-anonymous">{t('portal.anonymous')}</span>
              </Radio>
              <Radio value="named">
                <span data-testid="tip-named">{t('portal.named')}</span>
              </Radio>
            </Radio.Group>
          </Form.Item>
          <p className="portal-hint">{identity === 'anonymous' ? t('portal.anonymousHint') : t('portal.namedHint')}</p>
          {identity === 'named' && (
            <>
              <Form.Item name="name" label={t('portal.name')} rules={[{ required: true, whitespace: true, min: 2, message: t('portal.nameRequired') }]}>
                <Input maxLength={32} autoComplete="name" data-testid="tip-name" />
              </Form.Item>
              <Form.Item
                name="phone"
                label={t('portal.phone')}
                rules={[{ required: true, message: t('portal.phoneRequired') }, { validator: (_, value?: string) => (!value || /^(1\d{10}|0\d{9,11})$/.test(digits(value)) ? Promise.resolve() : Promise.reject(new Error(t('portal.phoneRequired')))) }]}
              >
                <Input inputMode="tel" autoComplete="tel" maxLength={20} data-testid="tip-phone" />
              </Form.Item>
              <Form.Item name="idNumber" label={t('portal.idNumber')} rules={[{ pattern: /^\s*(\d{17}[\dXx])?\s*$/, message: t('portal.idNumberInvalid') }]}>
                <Input maxLength={18} autoComplete="off" className="mono" data-testid="tip-id-number" />
              </Form.Item>
            </>
          )}
        </section>

        <Form.Item
          name="pledge"
          valuePropName="checked"
          rules={[{ validator: (_, value: boolean) => (value ? Promise.resolve() : Promise.reject(new Error(t('portal.pledgeRequired')))) }]}
        >
          <Checkbox className="portal-pledge" data-testid="tip-pledge">
            {t('portal.pledge')}
          </Checkbox>
        </Form.Item>
        {failure && <Alert type="error" showIcon message={failure} className="portal-inline-alert" data-testid="tip-error" />}
        <Button type="primary" size="large" block htmlType="submit" icon={<SendOutlined />} loading={busy} data-testid="tip-submit">
          {busy ? t('portal.submitting') : t('portal.submit')}
        </Button>
      </Form>
    </div>
  );
}
