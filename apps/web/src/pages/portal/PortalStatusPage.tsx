import { CheckOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { portalApi, type Lookup } from '../../api/rewards';
import type { PayoutAccount, PublicStatus } from '../../api/rewards-types';
import { ClaimForm } from '../../components/portal/ClaimForm';
import { lookupErrorText, retryAt } from '../../components/portal/portalErrors';
import { RewardPanel } from '../../components/portal/RewardPanel';
import { useNow } from '../../hooks/useNow';
import { useI18n } from '../../i18n';
import { beijing } from '../../lib/time';

const compact = (value: string) => value.replace(/\s/g, '');

function progressStep(status: string): number {
  if (status === 'RECEIVED' || status === 'TRIAGE') return 0;
  // A closed case has every step behind it.
  if (status === 'CLOSED' || status === 'DISCARDED') return 3;
  return 1;
}

function StatusCard({ result, onRefresh, busy }: { result: PublicStatus; onRefresh: () => void; busy: boolean }) {
  const { t } = useI18n();
  return (
    <section className="portal-card" data-testid="portal-status">
      <div className="portal-status-head">
        <span className="portal-status-code mono" data-testid="portal-status-code">
          {result.trackingCode}
        </span>
        <Button type="text" icon={<ReloadOutlined />} onClick={onRefresh} loading={busy} data-testid="portal-refresh">
          {t('portal.refresh')}
        </Button>
      </div>
      <h2>{t('portal.progress')}</h2>
      <ol className="portal-steps" aria-label={t('portal.progress')}>
        {(['RECEIVED', 'PROCESSING', 'CLOSED'] as const).map((step, index) => {
          const current = progressStep(result.status);
          const state = index < current ? 'done' : index === current ? 'current' : 'todo';
          return (
            <li key={step} className={`portal-step portal-step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="portal-step-dot">{index < current ? <CheckOutlined /> : index + 1}</span>
              <span className="portal-step-label">{t(`portalStatus.${step}`)}</span>
            </li>
          );
        })}
      </ol>
      <p className="portal-status-text" data-testid="portal-status-text" data-status={result.status}>
        {result.statusText}
      </p>
      <dl className="portal-facts">
        <dt>{t('portal.updatedAt')}</dt>
        <dd data-testid="portal-status-updated">{beijing(result.updatedAt)}</dd>
      </dl>
    </section>
  );
}

export function PortalStatusPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Lookup>();
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [result, setResult] = useState<PublicStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [claiming, setClaiming] = useState(false);
  const [claimError, setClaimError] = useState<string | null>(null);
  const now = useNow(1000);
  const locked = lockedUntil !== null && now < lockedUntil;

  useEffect(() => {
    if (lockedUntil !== null && !locked) setLockedUntil(null);
  }, [lockedUntil, locked]);

  const fail = (failure: unknown) => {
    setError(lookupErrorText(failure, t));
    setLockedUntil(retryAt(failure));
  };

  const check = async (next: Lookup) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await portalApi.status(next));
      setLookup(next);
    } catch (failure) {
      setResult(null);
      setLookup(null);
      fail(failure);
    } finally {
      setBusy(false);
    }
  };

  const claim = async (payout: PayoutAccount) => {
    if (!lookup) return;
    setBusy(true);
    setClaimError(null);
    try {
      setResult(await portalApi.claim(lookup, payout));
      setClaiming(false);
      window.scrollTo(0, 0);
      void message.success(t('portal.claimDone'));
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        setClaiming(false);
        setError(t('portal.claimConflict'));
        await check(lookup);
        setError(t('portal.claimConflict'));
      } else setClaimError(lookupErrorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setResult(null);
    setLookup(null);
    setClaiming(false);
    setError(null);
    form.setFieldValue('pin', '');
  };

  if (result && lookup) {
    return (
      <div className="portal-page" data-testid="portal-status-page">
        <h1 className="portal-title">{t('portal.statusTitle')}</h1>
        {error && <Alert type="warning" showIcon message={error} className="portal-inline-alert" data-testid="portal-error" />}
        {claiming ? (
          <ClaimForm busy={busy} error={claimError} onSubmit={claim} onCancel={() => setClaiming(false)} />
        ) : (
          <>
            <StatusCard result={result} onRefresh={() => check(lookup)} busy={busy} />
            <RewardPanel reward={result.reward} updatedAt={result.updatedAt} onClaim={() => setClaiming(true)} />
            <Button size="large" block type="text" onClick={reset} data-testid="portal-other">
              {t('portal.otherCase')}
            </Button>
          </>
        )}
      </div>
    );
  }

  return (
    <div className="portal-page" data-testid="portal-status-page">
      <h1 className="portal-title">{t('portal.statusTitle')}</h1>
      <section className="portal-card">
        <Form<Lookup>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ trackingCode: params.get('code') ?? '' }}
          onFinish={(values) => check({ trackingCode: compact(values.trackingCode).toUpperCase(), pin: compact(values.pin) })}
        >
          <Form.Item name="trackingCode" label={t('portal.trackingCode')} rules={[{ required: true, whitespace: true, message: t('portal.codeRequired') }]}>
            <Input maxLength={24} autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder={t('portal.codePlaceholder')} className="mono" data-testid="lookup-code" />
          </Form.Item>
          <Form.Item name="pin" label={t('portal.pin')} rules={[{ required: true, whitespace: true, message: t('portal.pinRequired') }]}>
            <Input.Password inputMode="numeric" maxLength={40} autoComplete="off" placeholder={t('portal.pinPlaceholder')} className="mono" data-testid="lookup-pin" />
          </Form.Item>
          {error && <Alert type={locked ? 'warning' : 'error'} showIcon message={error} className="portal-inline-alert" data-testid="portal-error" />}
          <Button type="primary" size="large" block htmlType="submit" icon={<SearchOutlined />} loading={busy} disabled={locked} data-testid="lookup-submit">
            {t('portal.lookup')}
          </Button>
        </Form>
      </section>
    </div>
  );
}
