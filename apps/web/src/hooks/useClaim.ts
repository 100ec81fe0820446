import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { consoleApi } from '../api/endpoints';
import { ERROR_CODES, type ClaimView } from '@hub/contracts';
import { useLive, useLiveEvent } from '../context/LiveContext';
import { useErrorHandler } from './useErrorHandler';

const RENEW_MS = 30_000;

export interface ClaimState {
  holder: ClaimView | null;
  mine: boolean;
}

/**
 * Opening a ticket claims it; the claim is renewed while the ticket is open and released on leaving,
 * also when the tab closes. When another operator lets it go, this operator takes it over.
 */
export function useClaim(ticketId: string, enabled: boolean, myUserId: string) {
  const onError = useErrorHandler();
  const [state, setState] = useState<ClaimState>({ holder: null, mine: false });
  const mine = useRef(false);

  const apply = useCallback(
    (holder: ClaimView | null) => {
      mine.current = holder?.userId === myUserId;
      setState({ holder, mine: mine.current });
    },
    [myUserId],
  );

  const claim = useCallback(async () => {
    try {
      apply((await consoleApi.claim(ticketId)).claim);
    } catch (error) {
      if (error instanceof ApiError && error.code === ERROR_CODES.CLAIMED_BY_OTHER) apply((error.body.claim as ClaimView | undefined) ?? null);
      else if (!(error instanceof ApiError && error.status === 404)) onError(error);
    }
  }, [ticketId, apply, onError]);

  useEffect(() => {
    if (!enabled) return;
    void claim();
    const timer = setInterval(() => void claim(), RENEW_MS);
    const release = () => {
      if (mine.current) void consoleApi.release(ticketId, true).catch(() => undefined);
    };
    // Background tabs throttle timers; renew as soon as the operator looks again.
    const renewWhenVisible = () => document.visibilityState === 'visible' && void claim();
    window.addEventListener('beforeunload', release);
    document.addEventListener('visibilitychange', renewWhenVisible);
    return () => {
      clearInterval(timer);
      window.removeEventListener('beforeunload', release);
      document.removeEventListener('visibilitychange', renewWhenVisible);
      release();
      mine.current = false;
    };
  }, [enabled, ticketId, claim]);

  const { epoch } = useLive();
  const seenEpoch = useRef(epoch);
  useEffect(() => {
    if (epoch === seenEpoch.current) return;
    seenEpoch.current = epoch;
    if (enabled) void claim();
  }, [epoch, enabled, claim]);

  useLiveEvent('claim.changed', (event) => {
    if (!enabled || event.ticketId !== ticketId) return;
    if (event.claim === null) void claim();
    else apply(event.claim);
  });

  return { ...state, claim, apply };
}
