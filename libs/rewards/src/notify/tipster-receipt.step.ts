import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JOBS } from '@hub/core';
import { PiiCipher } from '@hub/auth/pii-cipher';
import { appendHistory, PipelineSteps, ReporterSecret, SYSTEM_ACTOR } from '@hub/tickets';
import { TipReceipts } from '../portal/tip-receipts.service';
import { TipsterNotifier } from './tipster-notifier';

/** Tips from the public portal have their receipt already; everything else that reaches us by phone or feed may get one by SMS. */
const PORTAL_FEED = 'WEB';

/**
 * Pipeline step after `prepare`: a REPORT that came in through a hotline with the
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
    this.steps.register({ name: JOBS.tipsterReceipt, after: JOBS.classify, run: (ticketId) => this.run(ticketId), runMany: (ticketIds) => this.runMany(ticketIds), overdue: (stalledMs, limit) => this.overdue(stalledMs, limit) });
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
   * A batch: one read finds the few tickets that may get a receipt (hotline REPORTs with a
   * reporter, none sent yet); each of those is sent as `run` sends it. A failed send fails the
   * job after the others were tried; the retry finds theirs stored and sends only what is left.
   */
  async runMany(ticketIds: string[]): Promise<string> {
    const due: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM tickets t WHERE id = ANY($1::uuid[]) AND feed <> $2 AND kind = 'REPORT' AND reporter_secret IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM tipster_receipts r WHERE r.ticket_id = t.id) ORDER BY id`,
      [ticketIds, PORTAL_FEED],
    );
    let failure: unknown = null;
    const outcomes: string[] = [];
    for (const { id } of due) outcomes.push(await this.run(id).catch((e: unknown) => ((failure ??= e), 'failed')));
    if (failure) throw failure;
    return `${ticketIds.length - due.length} without a receipt to send${outcomes.length > 0 ? `; ${outcomes.join('; ')}` : ''}`;
  }

  async run(ticketId: string): Promise<string> {
    const [t]: Array<{ feed: string; kind: string; tracking_code: string; reporter_secret: string | null; has_receipt: boolean }> = await this.db.query(
      `SELECT feed, kind, tracking_code, reporter_secret, EXISTS (SELECT 1 FROM tipster_receipts r WHERE r.ticket_id = t.id) AS has_receipt FROM tickets t WHERE id = $1`,
      [ticketId],
    );
    if (!t || t.has_receipt || t.feed === PORTAL_FEED || t.kind !== 'REPORT' || !t.reporter_secret) return 'no receipt to send';
    const phone = this.cipher.decryptJson<ReporterSecret>(t.reporter_secret).phoneE164;
    if (!phone) return 'no phone to send a receipt to';
    const { pin, hash } = await this.receipts.newPinWithHash();
    return this.db.transaction(async (tx) => {
      if (!(await this.receipts.store(tx, ticketId, hash, 'SMS'))) return 'receipt sent already';
      await this.notifier.send({ kind: 'RECEIPT', phoneE164: phone, trackingCode: t.tracking_code, pin });
      await appendHistory(tx, { ticketId, actor: SYSTEM_ACTOR, action: 'TIPSTER_RECEIPT_SENT', data: { channel: 'SMS' } });
      return 'receipt sent';
    });
  }
}
