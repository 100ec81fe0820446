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

  describe('sealed bytes (raw request bodies)', () => {
    const body = Buffer.concat([Buffer.from('{"sqr":{"xm":"张三","dh":"13912345678"}}'), Buffer.from([0x00, 0xff, 0xfe, 0x81])]);

    it('round-trips any bytes exactly and holds nothing in clear', () => {
      const cipher = new PiiCipher([k1]);
      const sealed = cipher.encryptBytes(body);
      expect(sealed.includes(Buffer.from('张三'))).toBe(false);
      expect(sealed.includes(Buffer.from('13912345678'))).toBe(false);
      expect(cipher.decryptBytes(sealed).equals(body)).toBe(true);
      expect(cipher.keyIdOfBytes(sealed)).toBe('k1');
    });

    it('decrypts bytes sealed under an older key and seals new ones under the first', () => {
      const old = new PiiCipher([k1]).encryptBytes(body);
      const rotated = new PiiCipher([k2, k1]);
      expect(rotated.decryptBytes(old).equals(body)).toBe(true);
      expect(rotated.keyIdOfBytes(rotated.encryptBytes(body))).toBe('k2');
      expect(rotated.currentKeyId).toBe('k2');
    });

    it('refuses tampered, truncated or foreign bytes', () => {
      const cipher = new PiiCipher([k1]);
      const sealed = cipher.encryptBytes(body);
      const tampered = Buffer.from(sealed);
      tampered[tampered.length - 1] ^= 1;
      expect(() => cipher.decryptBytes(tampered)).toThrow();
      expect(() => cipher.decryptBytes(sealed.subarray(0, 10))).toThrow();
      expect(() => cipher.decryptBytes(body)).toThrow(/Not a sealed body/);
      expect(() => new PiiCipher([k2]).decryptBytes(sealed)).toThrow(/k1/);
    });
  });
});
