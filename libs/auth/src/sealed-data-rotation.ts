import { Injectable, Logger } from '@nestjs/common';
import { PiiCipher } from './pii-cipher';

/**
 * A table column of sealed personal data, owned by one lib. Each batch re-seals values that
 * are not under the cipher's current key (or are still in clear) and says how many it did.
 */
export interface SealedStore {
  readonly name: string;
  resealBatch(cipher: PiiCipher, limit: number): Promise<number>;
  /** how many values are still under another key or in clear */
  countStale(cipher: PiiCipher): Promise<number>;
}

export interface RotationReport {
  keyId: string;
  resealed: Record<string, number>;
  stale: Record<string, number>;
}

const BATCH = 200;

/**
 * Key rotation: with a new key first in PII_KEYS (old ones kept after it), every sealed value is
 * re-sealed under the new key; then the old keys can be dropped. Libs register their stores.
 */
@Injectable()
export class SealedDataRotation {
  private readonly logger = new Logger('KeyRotation');
  private readonly stores: SealedStore[] = [];

  constructor(private readonly cipher: PiiCipher) {}

  register(store: SealedStore): void {
    if (!this.stores.some((s) => s.name === store.name)) this.stores.push(store);
  }

  /** Re-seals with this process's key ring (PII_KEYS), or the one given. */
  async rotate(cipher: PiiCipher = this.cipher): Promise<RotationReport> {
    const resealed: Record<string, number> = {};
    for (const store of this.stores) {
      resealed[store.name] = 0;
      for (let done = await store.resealBatch(cipher, BATCH); done > 0; done = await store.resealBatch(cipher, BATCH)) {
        resealed[store.name] += done;
      }
      if (resealed[store.name] > 0) this.logger.log(`${store.name}: ${resealed[store.name]} re-sealed under key ${cipher.currentKeyId}`);
    }
    return { keyId: cipher.currentKeyId, resealed, stale: await this.stale(cipher) };
  }

  async stale(cipher: PiiCipher = this.cipher): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const store of this.stores) counts[store.name] = await store.countStale(cipher);
    return counts;
  }
}
