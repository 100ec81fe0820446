import { ERROR_CODES } from '@hub/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Conflict, Invalid } from '@hub/core';
import type { Viewer } from '@hub/auth/roles';
import type { FeedRecord } from '@hub/intake/adapters/feed-record';
import { normaliseRecord } from '@hub/intake/normalise/normalise-record';
import { appendHistory, isOpen, TicketStatus, TicketStore, TicketsService, TicketTransitions } from '@hub/tickets';
import { ClaimsService } from './claims.service';
import { DiscardDto, MergeDto, PhoneCallDto } from './console-actions.dto';

const actorOf = (viewer: Viewer) => ({ id: viewer.id, name: viewer.displayName });

/** What an operator does to a ticket besides deciding its routing: merge, discard, and new tickets from calls. */
@Injectable()
export class ConsoleActions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: TicketTransitions,
    private readonly store: TicketStore,
    private readonly tickets: TicketsService,
    private readonly claims: ClaimsService,
  ) {}

  async merge(viewer: Viewer, ticketId: string, dto: MergeDto) {
    if (dto.masterId === ticketId) throw Invalid('A ticket cannot be merged into itself', [{ field: 'masterId', message: 'choose another ticket' }]);
    await this.tickets.get(viewer, dto.masterId);
    await this.db.transaction(async (tx) => {
      const [master]: Array<{ status: TicketStatus; tracking_code: string }> = await tx.query(`SELECT status, tracking_code FROM tickets WHERE id = $1 FOR UPDATE`, [dto.masterId]);
      if (!isOpen(master.status)) throw Conflict(ERROR_CODES.INVALID_TRANSITION, `The master ticket is ${master.status}; merge into an open ticket`);
      const merged = await this.transitions.transition(tx, ticketId, {
        to: 'MERGED',
        actor: actorOf(viewer),
        action: 'MERGED',
        reason: `同一事项，并入 ${master.tracking_code}`,
        expectedVersion: dto.version,
        set: { duplicate_of: dto.masterId, pipeline_step: 'DONE' },
        data: { masterId: dto.masterId },
      });
      await appendHistory(tx, { ticketId: dto.masterId, actor: actorOf(viewer), action: 'DUPLICATE_MERGED_IN', reason: merged.trackingCode, data: { ticketId } });
    });
    return this.tickets.get(viewer, ticketId);
  }

  async discard(viewer: Viewer, ticketId: string, dto: DiscardDto) {
    await this.db.transaction((tx) =>
      this.transitions.transition(tx, ticketId, { to: 'DISCARDED', actor: actorOf(viewer), action: 'DISCARDED', reason: dto.reason, expectedVersion: dto.version, set: { pipeline_step: 'DONE' } }),
    );
    return this.tickets.get(viewer, ticketId);
  }

  /** Runs an action only for the operator holding the ticket's claim; the claim ends with the action. */
  async withClaim<T>(viewer: Viewer, ticketId: string, action: () => Promise<T>): Promise<T> {
    await this.tickets.get(viewer, ticketId);
    await this.claims.assertHeld(this.db.manager, viewer, ticketId);
    const result = await action();
    await this.claims.release(viewer, ticketId);
    return result;
  }

  view(viewer: Viewer, ticketId: string) {
    return this.tickets.get(viewer, ticketId);
  }

  /** A call taken by an operator becomes a ticket like any feed's, classified and routed by the worker. */
  async createFromCall(viewer: Viewer, dto: PhoneCallDto) {
    const record = callRecord(dto);
    const stored = await this.db.transaction((tx) => this.store.store(tx, normaliseRecord('OPERATOR', record), { rawId: null, rawIndex: 0, actor: actorOf(viewer) }));
    return this.tickets.get(viewer, stored.ticketId);
  }
}

function callRecord(dto: PhoneCallDto): FeedRecord {
  const text = (value: string | undefined) => (value && value.trim() ? value.trim() : null);
  return {
    externalId: `OP-${randomUUID()}`,
    receivedAt: new Date(),
    kind: dto.kind,
    kindSource: 'FEED',
    channel: 'OPERATOR',
    reporter: { anonymous: dto.reporter.anonymous, name: text(dto.reporter.name), phone: text(dto.reporter.phone), idNumber: null, email: null },
    subject: { name: text(dto.subject?.name), uscc: text(dto.subject?.uscc), address: text(dto.subject?.address) },
    declaredRegionCode: text(dto.regionCode),
    placeName: null,
    productName: text(dto.productName),
    description: dto.description.trim(),
    attachments: [],
    replyTo: [],
    extras: {},
  };
}
