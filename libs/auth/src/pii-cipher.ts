import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface CipherKey {
  id: string;
  key: Buffer;
}

const FORMAT = 'g1';

/**
 * AES-256-GCM for whistleblower data. A ciphertext names its key id, so keys can
 * rotate: the first key encrypts, every listed key decrypts.
 * Layout: g1.<keyId>.<iv b64>.<tag b64>.<ciphertext b64>
 */
export class PiiCipher {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: CipherKey[]) {
    if (keys.length === 0) throw new Error('PiiCipher needs a key');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  encrypt(plain: string): string {
    const { id, key } = this.keys[0];
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(id));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [FORMAT, id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
  }

  decrypt(sealed: string): string {
    const [format, id, iv, tag, body] = sealed.split('.');
    const key = this.byId.get(id);
    if (format !== FORMAT || !key) throw new Error(`No key "${id}" to decrypt reporter data`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  encryptJson(value: unknown): string {
    return this.encrypt(JSON.stringify(value));
  }

  decryptJson<T>(sealed: string): T {
    return JSON.parse(this.decrypt(sealed)) as T;
  }

  keyIdOf(sealed: string): string {
    return sealed.split('.')[1];
  }
}
