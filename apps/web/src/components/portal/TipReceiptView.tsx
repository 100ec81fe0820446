import { CheckCircleFilled, CopyOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { App, Button, Checkbox } from 'antd';
import { useState } from 'react';
import type { TipReceipt } from '../../api/rewards-types';
import { useI18n } from '../../i18n';
import { useGuardedNavigate, useLeaveGuard } from './leaveGuard';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older phone browsers, or a page not served over HTTPS: the selection way still works there.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

/** The PIN's digits in groups of four, easier to copy by hand; the copy buttons copy it without spaces. */
const grouped = (pin: string) => pin.replace(/(\d{4})(?=\d)/g, '$1 ');

function SecretLine({ label, value, shown, testId }: { label: string; value: string; shown: string; testId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const done = await copyText(value);
    setCopied(done);
    if (done) void message.success(t('portal.copied'));
    else void message.error(t('portal.copyFailed'));
  };
  return (
    <div className="portal-secret">
      <div className="portal-secret-head">
        <span className="portal-secret-label">{label}</span>
        <Button icon={copied ? <CheckCircleFilled /> : <CopyOutlined />} onClick={copy} data-testid={`${testId}-copy`}>
          {copied ? t('portal.copied') : t('portal.copy')}
        </Button>
      </div>
      <span className="portal-secret-value mono" data-testid={testId} data-value={value}>
        {shown}
      </span>
    </div>
  );
}

export function TipReceiptView({ receipt }: { receipt: TipReceipt }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const go = useGuardedNavigate();
  const [saved, setSaved] = useState(false);
  useLeaveGuard(saved ? null : t('portal.leaveWarn'));

  const copyBoth = async () => {
    const done = await copyText(t('portal.copyText', { code: receipt.trackingCode, pin: receipt.pin }));
    if (done) void message.success(t('portal.copied'));
    else void message.error(t('portal.copyFailed'));
  };

  return (
    <div className="portal-page" data-testid="portal-receipt">
      <div className="portal-receipt-head">
        <CheckCircleFilled className="portal-receipt-icon" aria-hidden />
        <h1>{t('portal.receiptTitle')}</h1>
      </div>
      <section className="portal-card portal-receipt-card">
        <h2 className="portal-receipt-lead">{t('portal.receiptLead')}</h2>
        <SecretLine label={t('portal.trackingCode')} value={receipt.trackingCode} shown={receipt.trackingCode} testId="receipt-code" />
        <SecretLine label={t('portal.pin')} value={receipt.pin} shown={grouped(receipt.pin)} testId="receipt-pin" />
        <Button block icon={<CopyOutlined />} onClick={copyBoth} data-testid="receipt-copy-both">
          {t('portal.copyBoth')}
        </Button>
        <div className="portal-warn" role="alert">
          <ExclamationCircleFilled aria-hidden />
          <span>{t('portal.receiptWarn')}</span>
        </div>
        <Checkbox checked={saved} onChange={(event) => setSaved(event.target.checked)} className="portal-saved" data-testid="receipt-saved">
          {t('portal.saved')}
        </Checkbox>
      </section>
      <div className="portal-actions">
        <Button
          type="primary"
          size="large"
          block
          disabled={!saved}
          onClick={() => go(`/portal/status?code=${encodeURIComponent(receipt.trackingCode)}`)}
          data-testid="receipt-to-status"
        >
          {t('portal.toStatus')}
        </Button>
        {!saved && <div className="portal-hint">{t('portal.savedRequired')}</div>}
        <Button size="large" block type="text" onClick={() => go('/portal')} data-testid="receipt-home">
          {t('portal.backHome')}
        </Button>
      </div>
    </div>
  );
}
