import { ERROR_CODES } from '@hub/contracts';
import { App } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { Ticket } from '../api/types';
import { useI18n, type Translate } from '../i18n';
import type { CaseAction } from '../lib/caseRules';
import { useErrorHandler } from './useErrorHandler';

export interface Refusal {
  action: CaseAction;
  code: string;
  text: string;
}

/** What the server's refusal means, in words a case officer reads without knowing HTTP. */
export function refusalText(t: Translate, error: ApiError, ticket: Ticket): string | null {
  if (error.code === ERROR_CODES.STALE_VERSION) return t('case.refused.stale');
  if (error.code === ERROR_CODES.INVALID_TRANSITION) return t('case.refused.transition', { status: t(`status.${ticket.status}`), detail: error.message });
  if (error.status === 403) return t('case.refused.role', { detail: error.message });
  if (error.status === 404) return t('case.refused.gone');
  if (error.status === 409) return t('case.refused.conflict', { detail: error.message });
  return null;
}

interface Options {
  ticket: Ticket;
  reload: () => Promise<void>;
  replace: (ticket: Ticket) => void;
  expectOwnMove?: (on: boolean) => void;
}

/**
 * Runs one case action with the ticket's version. A refusal (409, 403, 404) is said in words and the
 * ticket reloaded, so the screen shows what the server holds; a 422 stays in its dialog for correction.
 * Resolves true when the dialog may close.
 */
export function useCaseActions({ ticket, reload, replace, expectOwnMove }: Options) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [busy, setBusy] = useState<CaseAction | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const run = async (action: CaseAction, call: (version: number) => Promise<Ticket>): Promise<boolean> => {
    setBusy(action);
    setRefusal(null);
    expectOwnMove?.(true);
    try {
      const updated = await call(ticket.version);
      replace(updated);
      void message.success(t(`case.done.${action}`));
      return true;
    } catch (error) {
      const text = error instanceof ApiError ? refusalText(t, error, ticket) : null;
      if (error instanceof ApiError && text) {
        setRefusal({ action, code: error.code, text });
        await reload();
        return true;
      }
      onError(error);
      return false;
    } finally {
      setBusy(null);
      expectOwnMove?.(false);
    }
  };

  return { busy, refusal, dismiss: () => setRefusal(null), run };
}
