import type { DataSource } from 'typeorm';
import { PiiCipher } from './pii-cipher';
import type { SealedStore } from './sealed-data-rotation';

export interface SealedBytesColumnSpec {
  /** `<table>.<column>`, the store's name in rotation reports */
  name: string;
  table: string;
  column: string;
  /** the column naming the key a value is sealed under; null for a value stored before sealing */
  keyColumn: string;
  /** values may be tens of MiB: few per batch */
  perBatch: number;
}

/**
 * A bytea column sealed in PiiCipher's binary envelope, with the key id beside it: the rotation
 * side (re-seal and count) that every such column shares. Values still in clear are sealed too.
 */
export class SealedBytesColumn implements SealedStore {
  readonly name: string;

  constructor(
    private readonly db: DataSource,
    private readonly spec: SealedBytesColumnSpec,
  ) {
    this.name = spec.name;
  }

  /** The bytes of a stored value: opened, or as they are when stored before sealing. */
  static open(cipher: PiiCipher, value: Buffer, keyId: string | null): Buffer {
    return keyId === null ? value : cipher.decryptBytes(value);
  }

  async resealBatch(cipher: PiiCipher, limit: number): Promise<number> {
    const { table, column, keyColumn } = this.spec;
    return this.db.transaction(async (tx) => {
      const rows: Array<{ id: string; value: Buffer; key_id: string | null }> = await tx.query(
        `SELECT id, ${column} AS value, ${keyColumn} AS key_id FROM ${table}
          WHERE ${column} IS NOT NULL AND ${keyColumn} IS DISTINCT FROM $1 LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [cipher.currentKeyId, Math.min(limit, this.spec.perBatch)],
      );
      for (const row of rows) {
        const plain = SealedBytesColumn.open(cipher, row.value, row.key_id);
        await tx.query(`UPDATE ${table} SET ${column} = $2, ${keyColumn} = $3 WHERE id = $1`, [row.id, cipher.encryptBytes(plain), cipher.currentKeyId]);
      }
      return rows.length;
    });
  }

  async countStale(cipher: PiiCipher): Promise<number> {
    const { table, column, keyColumn } = this.spec;
    const [row] = await this.db.query(`SELECT count(*) AS n FROM ${table} WHERE ${column} IS NOT NULL AND ${keyColumn} IS DISTINCT FROM $1`, [cipher.currentKeyId]);
    return Number(row.n);
  }
}
