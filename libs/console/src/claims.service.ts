import { ERROR_CODES } from '@hub/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, returningRows } from '@hub/core';
import type { Viewer } from '@hub/auth/roles';
import { ClaimView, LivePublisher } from '@hub/live';
import { TicketsService } from '@hub/tickets';

/** How long a claim lives without renewal; the console renews every 30 s while the ticket is open. */
export const CLAIM_SECONDS = 120;

interface ClaimRow {
  user_id: string;
  display_name: string;
  expires_at: Date;
}

const toView = (r: ClaimRow): ClaimView => ({ userId: r.user_id, displayName: r.display_name, expiresAt: r.expires_at.toISOString() });

/**
 * Claim/lock of a ticket by one operator, kept in PostgreSQL so every api process
 * agrees; a claim lapses by itself, so a closed browser never locks a ticket for long.
 */
@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
    private readonly live: LivePublisher,
  ) {}

  async claim(viewer: Viewer, ticketId: string): Promise<ClaimView> {
    await this.tickets.get(viewer, ticketId);
    const rows = returningRows<ClaimRow>(
      await this.db.query(
        `INSERT INTO ticket_claims (ticket_id, user_id, display_name, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))
         ON CONFLICT (ticket_id) DO UPDATE SET user_id = EXCLUDED.user_id, display_name = EXCLUDED.display_name, expires_at = EXCLUDED.expires_at,
           claimed_at = CASE WHEN ticket_claims.user_id = EXCLUDED.user_id THEN ticket_claims.claimed_at ELSE now() END
         WHERE ticket_claims.user_id = EXCLUDED.user_id OR ticket_claims.expires_at < now()
         RETURNING user_id, display_name, expires_at`,
        [ticketId, viewer.id, viewer.displayName, CLAIM_SECONDS],
      ),
    );
    if (rows.length === 0) throw this.heldByOther(await this.current(this.db.manager, ticketId));
    const claim = toView(rows[0]);
    await this.live.publish({ event: 'claim.changed', ticketId, claim });
    return claim;
  }

  async release(viewer: Viewer, ticketId: string): Promise<void> {
    const deleted = returningRows(await this.db.query(`DELETE FROM ticket_claims WHERE ticket_id = $1 AND user_id = $2 RETURNING ticket_id`, [ticketId, viewer.id]));
    if (deleted.length > 0) await this.live.publish({ event: 'claim.changed', ticketId, claim: null });
  }

  /** An action needs the caller's own live claim. */
  async assertHeld(manager: EntityManager, viewer: Viewer, ticketId: string): Promise<void> {
    const claim = await this.current(manager, ticketId);
    if (!claim) throw new DomainError(ERROR_CODES.CLAIM_REQUIRED, 'Open (claim) the ticket before acting on it', 409);
    if (claim.userId !== viewer.id) throw this.heldByOther(claim);
  }

  async current(manager: EntityManager, ticketId: string): Promise<ClaimView | null> {
    const rows: ClaimRow[] = await manager.query(`SELECT user_id, display_name, expires_at FROM ticket_claims WHERE ticket_id = $1 AND expires_at > now()`, [ticketId]);
    return rows[0] ? toView(rows[0]) : null;
  }

  private heldByOther(claim: ClaimView | null): DomainError {
    const who = claim?.displayName ?? 'another operator';
    return new DomainError(ERROR_CODES.CLAIMED_BY_OTHER, `${who} is working on this ticket`, 409, [], {}, { claim });
  }
}
