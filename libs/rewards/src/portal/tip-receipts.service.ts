import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hashPin, newPin, pinMatches } from './tip-pin';

export type ReceiptSource = 'PORTAL' | 'SMS';

/**
 * A tipster's receipt: the ticket's tracking code plus a PIN of which only an argon2id
 * hash is kept. Lookups cost one argon2 verification whether or not the code exists.
 */
@Injectable()
export class TipReceipts implements OnModuleInit {
  /** verified against when the code is unknown, so both failures take the same time */
  private dummy: Promise<string> | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.dummyPinHash();
  }

  /** A fresh PIN and its hash, made before any transaction (hashing is deliberately slow). */
  async newPinWithHash(): Promise<{ pin: string; hash: string }> {
    const pin = newPin();
    return { pin, hash: await hashPin(pin) };
  }

  /** Stores the receipt in the caller's transaction; false when the ticket has one already. */
  async store(tx: EntityManager, ticketId: string, hash: string, source: ReceiptSource): Promise<boolean> {
    return (await this.storeMany(tx, [{ ticketId, hash }], source)).has(ticketId);
  }

  /** Stores many receipts in the caller's transaction; the tickets that had none before. */
  async storeMany(tx: EntityManager, receipts: Array<{ ticketId: string; hash: string }>, source: ReceiptSource): Promise<Set<string>> {
    if (receipts.length === 0) return new Set();
    const rows: Array<{ ticket_id: string }> = await tx.query(
      `INSERT INTO tipster_receipts (ticket_id, pin_hash, source) SELECT r.ticket_id, r.pin_hash, $2 FROM jsonb_to_recordset($1::jsonb) AS r(ticket_id uuid, pin_hash text)
         ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id`,
      [JSON.stringify(receipts.map((r) => ({ ticket_id: r.ticketId, pin_hash: r.hash }))), source],
    );
    return new Set(rows.map((r) => r.ticket_id));
  }

  /** Removes receipts stored earlier in the caller's transaction whose PIN never reached the tipster. */
  async takeBack(tx: EntityManager, ticketIds: string[]): Promise<void> {
    if (ticketIds.length > 0) await tx.query(`DELETE FROM tipster_receipts WHERE ticket_id = ANY($1::uuid[])`, [ticketIds]);
  }

  /** The ticket behind a tracking code and PIN, or null, in the same time either way. */
  async verify(trackingCode: string, pin: string): Promise<string | null> {
    const rows: Array<{ id: string; pin_hash: string }> = await this.db.query(
      `SELECT t.id, r.pin_hash FROM tickets t JOIN tipster_receipts r ON r.ticket_id = t.id WHERE t.tracking_code = $1`,
      [trackingCode.trim().toUpperCase()],
    );
    const found = rows[0];
    const matches = await pinMatches(found?.pin_hash ?? (await this.dummyPinHash()), pin.trim());
    return found && matches ? found.id : null;
  }

  private dummyPinHash(): Promise<string> {
    this.dummy ??= hashPin(newPin());
    return this.dummy;
  }
}
