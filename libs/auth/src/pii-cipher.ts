import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface CipherKey {
  id: string;
  key: Buffer;
}

const FORMAT = 'g1';
/** Binary envelope of sealed bytes: magic, key id length, key id, IV, tag, ciphertext. */
const BYTES_MAGIC = Buffer.from('g1b', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

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

  /** The key that encrypts now: every sealed value under another key is due for rotation. */
  get currentKeyId(): string {
    return this.keys[0].id;
  }

  /**
   * Seals bytes (raw request bodies) byte-exact, in a binary envelope rather than base64 text,
   * since a body may be tens of MiB. Layout: "g1b" | keyId length (1 byte) | keyId | IV | tag | ciphertext.
   */
  encryptBytes(plain: Buffer): Buffer {
    const { id, key } = this.keys[0];
    const keyId = Buffer.from(id, 'utf8');
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(keyId);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([BYTES_MAGIC, Buffer.from([keyId.length]), keyId, iv, cipher.getAuthTag(), body]);
  }

  decryptBytes(sealed: Buffer): Buffer {
    const { keyId, iv, tag, body } = this.envelopeOf(sealed);
    const key = this.byId.get(keyId);
    if (!key) throw new Error(`No key "${keyId}" to decrypt a sealed body`);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(keyId, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  }

  keyIdOfBytes(sealed: Buffer): string {
    return this.envelopeOf(sealed).keyId;
  }

  private envelopeOf(sealed: Buffer) {
    if (sealed.length < BYTES_MAGIC.length + 1 || !sealed.subarray(0, BYTES_MAGIC.length).equals(BYTES_MAGIC)) throw new Error('Not a sealed body');
    const idLength = sealed[BYTES_MAGIC.length];
    let at = BYTES_MAGIC.length + 1;
    const keyId = sealed.subarray(at, (at += idLength)).toString('utf8');
    const iv = sealed.subarray(at, (at += IV_BYTES));
    const tag = sealed.subarray(at, (at += TAG_BYTES));
    if (tag.length !== TAG_BYTES) throw new Error('Sealed body is truncated');
    return { keyId, iv, tag, body: sealed.subarray(at) };
  }
}
