import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClaimChangedEvent, Counters, NotificationEvent, ReportRunView, TicketEvent, TrendAlertEvent } from '@hub/contracts';
import { renewSession } from '../api/client';
import { session } from '../api/session';

export interface LiveEvents {
  'ticket.created': TicketEvent;
  'ticket.updated': TicketEvent;
  'claim.changed': ClaimChangedEvent;
  counters: Counters;
  notification: NotificationEvent;
  'trend.alert': TrendAlertEvent;
  /** a report run the signed-in user asked for moved */
  'report.progress': ReportRunView;
}

interface LiveValue {
  socket: Socket | null;
  connected: boolean;
  /** Grows on every reconnect: what a page shows is refetched when it changes. */
  epoch: number;
}

const LiveContext = createContext<LiveValue>({ socket: null, connected: false, epoch: 0 });

export function LiveProvider({ token, children }: { token: string; children: ReactNode }) {
  const [value, setValue] = useState<LiveValue>({ socket: null, connected: false, epoch: 0 });

  useEffect(() => {
    // the token is read at every (re)connect: the server closes a socket when its token expires
    const socket = io('/console', { auth: (send) => send({ token: session.token() ?? token }), transports: ['websocket', 'polling'] });
    let connectedBefore = false;
    setValue({ socket, connected: false, epoch: 0 });
    socket.on('connect', () => {
      setValue((prev) => ({ socket, connected: true, epoch: connectedBefore ? prev.epoch + 1 : prev.epoch }));
      connectedBefore = true;
    });
    socket.on('disconnect', (reason) => {
      setValue((prev) => ({ ...prev, connected: false }));
      if (reason === 'io server disconnect') void renewSession().then((renewal) => renewal !== 'refused' && socket.connect());
    });
    return () => {
      socket.disconnect();
    };
  }, [token]);

  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveValue {
  return useContext(LiveContext);
}

export function useLiveEvent<E extends keyof LiveEvents>(event: E, handler: (payload: LiveEvents[E]) => void): void {
  const { socket } = useLive();
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  useEffect(() => {
    if (!socket) return;
    const listener = (payload: LiveEvents[E]) => handlerRef.current(payload);
    socket.on(event as string, listener);
    return () => {
      socket.off(event as string, listener);
    };
  }, [socket, event]);
}
