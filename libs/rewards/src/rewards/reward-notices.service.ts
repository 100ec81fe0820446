import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PiiCipher } from '@hub/auth/pii-cipher';
import type { ReporterSecret } from '@hub/tickets';
import { TipsterNotifier } from '../notify/tipster-notifier';

/**
 * Tells a tipster by SMS that their reward awaits (the portal shows it already). A notice is
 * marked sent in the same transaction that sends it, so a failure leaves it for the next sweep.
 */
@Injectable()
export class RewardNotices {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifier: TipsterNotifier,
    private readonly cipher: PiiCipher,
  ) {}

  async sendFor(rewardId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [r]: Array<{ amount_fen: string; claim_by: Date; tracking_code: string; reporter_secret: string | null }> = await tx.query(
        `SELECT r.amount_fen, r.claim_by, t.tracking_code, t.reporter_secret FROM rewards r JOIN tickets t ON t.id = r.ticket_id
          WHERE r.id = $1 AND r.state = 'NOTIFIED' AND r.notice_sent_at IS NULL FOR UPDATE OF r SKIP LOCKED`,
        [rewardId],
      );
      if (!r) return false;
      const phone = r.reporter_secret ? this.cipher.decryptJson<ReporterSecret>(r.reporter_secret).phoneE164 : null;
      if (phone) await this.notifier.send({ kind: 'REWARD_APPROVED', phoneE164: phone, trackingCode: r.tracking_code, amountFen: Number(r.amount_fen), claimBy: r.claim_by });
      await tx.query(`UPDATE rewards SET notice_sent_at = now() WHERE id = $1`, [rewardId]);
      return Boolean(phone);
    });
  }

  /** Notices an earlier attempt could not send. */
  async sendDue(): Promise<number> {
    const due: Array<{ id: string }> = await this.db.query(`SELECT id FROM rewards WHERE state = 'NOTIFIED' AND notice_sent_at IS NULL ORDER BY notified_at LIMIT 100`);
    let sent = 0;
    for (const r of due) if (await this.sendFor(r.id)) sent++;
    return sent;
  }
}
