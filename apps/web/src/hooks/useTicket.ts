import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { ticketsApi } from '../api/endpoints';
import type { Ticket } from '../api/types';
import { useLive, useLiveEvent } from '../context/LiveContext';
import { useI18n } from '../i18n';
import { useErrorHandler } from './useErrorHandler';

type TicketLoad = { state: 'loading' } | { state: 'missing' } | { state: 'ready'; ticket: Ticket };

/** The open ticket, reloaded when it changes elsewhere or the live connection comes back. */
export function useTicket(id: string) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const { epoch } = useLive();
  const [load, setLoad] = useState<TicketLoad>({ state: 'loading' });
  const version = useRef(-1);
  // while the screen's own move is on its way, its echo on the socket is no news to the reader
  const ownMove = useRef(false);

  const reload = useCallback(async () => {
    try {
      const ticket = await ticketsApi.get(id);
      version.current = ticket.version;
      setLoad({ state: 'ready', ticket });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setLoad({ state: 'missing' });
      else onError(error);
    }
  }, [id, onError]);

  useEffect(() => {
    version.current = -1;
    setLoad({ state: 'loading' });
    void reload();
  }, [reload]);

  const seenEpoch = useRef(epoch);
  useEffect(() => {
    if (epoch === seenEpoch.current) return;
    seenEpoch.current = epoch;
    void reload();
  }, [epoch, reload]);

  const replace = useCallback((ticket: Ticket) => {
    version.current = ticket.version;
    setLoad({ state: 'ready', ticket });
  }, []);

  useLiveEvent('ticket.updated', (event) => {
    if (event.id !== id || event.version <= version.current) return;
    void reload().then(() => ownMove.current || message.info(t('ticket.updatedLive')));
  });

  const expectOwnMove = useCallback((on: boolean) => {
    ownMove.current = on;
  }, []);

  return { load, reload, replace, expectOwnMove };
}
