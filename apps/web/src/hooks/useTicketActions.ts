import { App } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { consoleApi } from '../api/endpoints';
import { ERROR_CODES, type ClaimView } from '@hub/contracts';
import type { DecideBody, Ticket } from '../api/types';
import { useI18n } from '../i18n';
import type { ActionKind } from '../lib/ticketRules';
import { useErrorHandler } from './useErrorHandler';

export type Decision = Omit<DecideBody, 'version'>;

interface Options {
  ticket: Ticket;
  reload: () => Promise<void>;
  reclaim: () => Promise<void>;
  showHolder: (claim: ClaimView | null) => void;
  onDone: (ticket: Ticket) => void;
}

/** The four operator actions; each sends the ticket's version and resolves true when its dialog may close. */
export function useTicketActions({ ticket, reload, reclaim, showHolder, onDone }: Options) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [busy, setBusy] = useState<ActionKind | null>(null);

  const run = async (kind: ActionKind, call: () => Promise<Ticket>): Promise<boolean> => {
    setBusy(kind);
    try {
      const updated = await call();
      void message.success(t(`ticket.actionDone.${kind}`));
      onDone(updated);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === ERROR_CODES.STALE_VERSION) {
        await reload();
        void message.warning(t('ticket.reloaded'));
        return true;
      }
      if (error instanceof ApiError && error.code === ERROR_CODES.CLAIMED_BY_OTHER) showHolder((error.body.claim as ClaimView | undefined) ?? null);
      if (error instanceof ApiError && error.code === ERROR_CODES.CLAIM_REQUIRED) void reclaim();
      onError(error);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const { id, version, classification, routing } = ticket;
  return {
    busy,
    confirm: () =>
      classification
        ? run('confirm', () =>
            consoleApi.decide(id, {
              version,
              category: classification.category,
              violation: classification.violation,
              stage: classification.stage,
              leadUnit: routing?.leadUnit ?? undefined,
              assistUnits: routing?.leadUnit ? routing.assistUnits : undefined,
            }),
          )
        : Promise.resolve(false),
    correct: (decision: Decision) => run('correct', () => consoleApi.decide(id, { version, ...decision })),
    merge: (masterId: string) => run('merge', () => consoleApi.merge(id, version, masterId)),
    discard: (reason: string) => run('discard', () => consoleApi.discard(id, version, reason)),
  };
}
