import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiError } from '../api/client';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useAuth } from '../context/AuthContext';
import { useI18n } from '../i18n';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useI18n();
  const { state, login } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (useLocation().state as { from?: string } | null)?.from;

  if (state.status === 'signedIn') return <Navigate to={from ?? '/'} replace />;

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : t('error.network'));
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <Typography.Title level={3}>{t('app.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.subtitle')}</Typography.Paragraph>
        {state.status === 'signedOut' && state.expired && !error && <Alert type="warning" showIcon message={t('login.expired')} className="login-alert" />}
        {error && <Alert type="error" showIcon message={error} className="login-alert" data-testid="login-error" />}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
