import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

export interface TicketRouteState {
  from?: string;
  focusId?: string;
}

/** Opens a ticket remembering the list (with its filters) to come back to. */
export function useOpenTicket(): (id: string) => void {
  const navigate = useNavigate();
  const location = useLocation();
  return useCallback(
    (id: string) => navigate(`/tickets/${encodeURIComponent(id)}`, { state: { from: `${location.pathname}${location.search}` } satisfies TicketRouteState }),
    [navigate, location.pathname, location.search],
  );
}

export function useFocusId(): string | undefined {
  return (useLocation().state as TicketRouteState | null)?.focusId;
}
