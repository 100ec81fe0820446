import { App } from 'antd';
import { useCallback, useRef } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';

/**
 * The one place errors reach the operator: the server's own message, or a network hint.
 * The returned function is stable, so effects depending on it do not re-run on a language switch.
 */
export function useErrorHandler(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useI18n();
  const latest = useRef({ message, t });
  latest.current = { message, t };
  return useCallback((error: unknown) => {
    const { message: notify, t: translate } = latest.current;
    if (error instanceof ApiError) {
      if (error.status !== 401) void notify.error(error.message);
      return;
    }
    console.error(error);
    void notify.error(translate('error.network'));
  }, []);
}
