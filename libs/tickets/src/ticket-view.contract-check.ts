/**
 * Compile-time check of the one contract between the api and the web console, run by `npm run typecheck`
 * (nothing here runs). The server's ticket view and the console's ticket type must both be exactly the
 * shared `TicketView` of @hub/contracts: a field whose type changes on one side only fails to compile here.
 */
import type { TicketView, TicketWithClaim } from '@hub/contracts';
import type { Ticket as ConsoleTicket } from '../../../apps/web/src/api/types';
import type { toTicketView } from './ticket-view';
import type { TicketsService } from './tickets.service';

/** true only when A and B are the same type (not merely assignable one way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

export const serverViewIsTheContract: Same<ReturnType<typeof toTicketView>, TicketView> = true;
export const serverAnswerIsTheContract: Same<Awaited<ReturnType<TicketsService['get']>>, TicketWithClaim> = true;
export const consoleTicketIsTheContract: Same<ConsoleTicket, TicketWithClaim> = true;
export const consoleReadsWhatTheServerSends: Same<ConsoleTicket, Awaited<ReturnType<TicketsService['get']>>> = true;
