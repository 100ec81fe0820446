import { useEffect, useState } from 'react';
import { ticketsApi } from '../api/endpoints';
import type { Ticket } from '../api/types';

/** The tickets behind a list of ids (duplicate candidates); ids the caller may not see stay missing. */
export function useTicketsByIds(ids: string[]): Map<string, Ticket> {
  const [tickets, setTickets] = useState<Map<string, Ticket>>(new Map());
  const key = ids.join(',');
  useEffect(() => {
    let current = true;
    const wanted = key ? key.split(',') : [];
    void Promise.allSettled(wanted.map((id) => ticketsApi.get(id))).then((results) => {
      if (!current) return;
      const found = new Map<string, Ticket>();
      results.forEach((result) => result.status === 'fulfilled' && found.set(result.value.id, result.value));
      setTickets(found);
    });
    return () => {
      current = false;
    };
  }, [key]);
  return tickets;
}
