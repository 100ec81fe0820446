import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JOBS } from '@hub/core';
import { PiiCipher } from '@hub/auth/pii-cipher';
import { appendHistoryMany, PipelineSteps, ReporterSecret, SYSTEM_ACTOR } from '@hub/tickets';
import { TipReceipts } from '../portal/tip-receipts.service';
import { TipsterNotifier } from './tipster-notifier';

/** Tips from the public portal have their receipt already; everything else that reaches us by phone or feed may get one by SMS. */
const PORTAL_FEED = 'WEB';
/** SMS requests in flight at once for one batch: the gateway's, not ours, is the slow part. */
const SENDS_AT_ONCE = 8;

/**
 * Pipeline step after `classify`: a REPORT that came in through a hotline with the
 * reporter's phone gets a tracking code and PIN by SMS. The receipt is stored in the
 * transaction that sends it, so a failed send leaves no receipt and the retry makes a new PIN;
 * a receipt already stored means it was sent, and a rerun does nothing.
 */
@Injectable()
export class TipsterReceiptStep implements OnModuleInit {
  constructor(
    private readonly steps: PipelineSteps,
    private readonly receipts: TipReceipts,
    private readonly notifier: TipsterNotifier,
    private readonly cipher: PiiCipher,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.steps.register({
      name: JOBS.tipsterReceipt,
      after: JOBS.classify,
      run: (ticketId) => this.run(ticketId),
      runMany: (ticketIds) => this.runMany(ticketIds),
      overdue: (stalledMs, limit) => this.overdue(stalledMs, limit),
      // most tickets are complaints or anonymous: no job, no outbox entry for them
      wants: (ticket) => ticket.feed !== PORTAL_FEED && ticket.kind === 'REPORT' && ticket.hasReporter,
    });
  }

  /**
   * Hotline REPORTs stored in the last week with a reporter's phone, routed, and still without a receipt: their
   * job was lost. Only a phone that normalised to E.164 (its mask starts with +86) can get an SMS; the
   * week bounds the read to the newest tickets, when a receipt still matters.
   */
  async overdue(stalledMs: number, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM tickets t
        WHERE created_at > now() - interval '7 days' AND kind = 'REPORT' AND feed <> $1 AND pipeline_step = 'DONE'
          AND reporter_secret IS NOT NULL AND reporter_masked->>'phone' LIKE '+%'
          AND updated_at < now() - make_interval(secs => $2::double precision / 1000)
          AND NOT EXISTS (SELECT 1 FROM tipster_receipts r WHERE r.ticket_id = t.id)
        ORDER BY updated_at LIMIT $3`,
      [PORTAL_FEED, stalledMs, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * A batch: one read finds the tickets that may get a receipt (hotline REPORTs with a reporter's
   * phone, none sent yet), their PINs are hashed side by side, and one transaction stores the
   * receipts, sends them and writes their history. A receipt whose send failed is taken back before
   * the commit, so its retry makes a new PIN; the job then fails and its retry sends only those.
   */
  async runMany(ticketIds: string[]): Promise<string> {
    const { outcome, failure } = await this.sendReceipts(ticketIds);
    if (failure) throw failure;
    return outcome;
  }

  async run(ticketId: string): Promise<string> {
    return this.runMany([ticketId]);
  }

  private async sendReceipts(ticketIds: string[]): Promise<{ outcome: string; failure: unknown }> {
    const due = await this.dueReceipts(ticketIds);
    if (due.length === 0) return { outcome: 'no receipt to send', failure: null };
    const pins = await Promise.all(due.map(() => this.receipts.newPinWithHash()));
    return this.db.transaction(async (tx) => {
      const stored = await this.receipts.storeMany(tx, due.map((r, i) => ({ ticketId: r.ticketId, hash: pins[i].hash })), 'SMS');
      const toSend = due.map((r, i) => ({ ...r, pin: pins[i].pin })).filter((r) => stored.has(r.ticketId));
      const failed = await this.send(toSend);
      await this.receipts.takeBack(tx, [...failed.keys()]);
      const sent = toSend.filter((r) => !failed.has(r.ticketId));
      await appendHistoryMany(tx, sent.map((r) => ({ ticketId: r.ticketId, actor: SYSTEM_ACTOR, action: 'TIPSTER_RECEIPT_SENT', data: { channel: 'SMS' } })));
      return { outcome: `${sent.length} receipts sent, ${failed.size} failed, ${due.length - toSend.length} sent already`, failure: [...failed.values()][0] ?? null };
    });
  }

  /** Hotline REPORTs among the tickets with a phone to send to and no receipt yet. */
  private async dueReceipts(ticketIds: string[]): Promise<Array<{ ticketId: string; trackingCode: string; phone: string }>> {
    const rows: Array<{ id: string; tracking_code: string; reporter_secret: string }> = await this.db.query(
      `SELECT id, tracking_code, reporter_secret FROM tickets t WHERE id = ANY($1::uuid[]) AND feed <> $2 AND kind = 'REPORT' AND reporter_secret IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM tipster_receipts r WHERE r.ticket_id = t.id) ORDER BY id`,
      [ticketIds, PORTAL_FEED],
    );
    return rows.flatMap((t) => {
      const phone = this.cipher.decryptJson<ReporterSecret>(t.reporter_secret).phoneE164;
      return phone ? [{ ticketId: t.id, trackingCode: t.tracking_code, phone }] : [];
    });
  }

  /** Sends a few at a time; the failures by ticket. */
  private async send(receipts: Array<{ ticketId: string; trackingCode: string; phone: string; pin: string }>): Promise<Map<string, unknown>> {
    const failed = new Map<string, unknown>();
    for (let i = 0; i < receipts.length; i += SENDS_AT_ONCE) {
      const chunk = receipts.slice(i, i + SENDS_AT_ONCE);
      const results = await Promise.allSettled(chunk.map((r) => this.notifier.send({ kind: 'RECEIPT', phoneE164: r.phone, trackingCode: r.trackingCode, pin: r.pin })));
      results.forEach((result, n) => result.status === 'rejected' && failed.set(chunk[n].ticketId, result.reason));
    }
    return failed;
  }
}
