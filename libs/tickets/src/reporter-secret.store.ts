import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PiiCipher } from '@hub/auth/pii-cipher';
import { SealedDataRotation, SealedStore } from '@hub/auth/sealed-data-rotation';

/** tickets.reporter_secret under key rotation. */
@Injectable()
export class ReporterSecretStore implements SealedStore, OnModuleInit {
  readonly name = 'tickets.reporter_secret';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rotation: SealedDataRotation,
  ) {}

  onModuleInit(): void {
    this.rotation.register(this);
  }

  async resealBatch(cipher: PiiCipher, limit: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: Array<{ id: string; reporter_secret: string }> = await tx.query(
        `SELECT id, reporter_secret FROM tickets WHERE reporter_secret IS NOT NULL AND split_part(reporter_secret, '.', 2) <> $1 LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [cipher.currentKeyId, limit],
      );
      for (const row of rows) {
        await tx.query(`UPDATE tickets SET reporter_secret = $2 WHERE id = $1`, [row.id, cipher.encrypt(cipher.decrypt(row.reporter_secret))]);
      }
      return rows.length;
    });
  }

  async countStale(cipher: PiiCipher): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*) AS n FROM tickets WHERE reporter_secret IS NOT NULL AND split_part(reporter_secret, '.', 2) <> $1`, [cipher.currentKeyId]);
    return Number(row.n);
  }
}
