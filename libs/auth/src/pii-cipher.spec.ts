import { randomBytes } from 'node:crypto';
import { PiiCipher } from './pii-cipher';

describe('PiiCipher', () => {
  const k1 = { id: 'k1', key: randomBytes(32) };
  const k2 = { id: 'k2', key: randomBytes(32) };

  it('round-trips text and never stores it in clear', () => {
    const cipher = new PiiCipher([k1]);
    const sealed = cipher.encrypt('张三 13912345678');
    expect(sealed).not.toContain('张三');
    expect(sealed).not.toContain('13912345678');
    expect(cipher.decrypt(sealed)).toBe('张三 13912345678');
  });

  it('uses a fresh IV each time', () => {
    const cipher = new PiiCipher([k1]);
    expect(cipher.encrypt('x')).not.toBe(cipher.encrypt('x'));
  });

  it('decrypts with an older key after rotation and encrypts with the new one', () => {
    const sealedOld = new PiiCipher([k1]).encrypt('李四');
    const rotated = new PiiCipher([k2, k1]);
    expect(rotated.decrypt(sealedOld)).toBe('李四');
    expect(rotated.keyIdOf(rotated.encrypt('李四'))).toBe('k2');
  });

  it('refuses tampered ciphertext', () => {
    const cipher = new PiiCipher([k1]);
    const parts = cipher.encrypt('王五').split('.');
    const body = Buffer.from(parts[4], 'base64');
    body[0] ^= 1;
    parts[4] = body.toString('base64');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
  });

  it('refuses a ciphertext whose key is unknown', () => {
    const sealed = new PiiCipher([k2]).encrypt('x');
    expect(() => new PiiCipher([k1]).decrypt(sealed)).toThrow(/k2/);
  });
});
