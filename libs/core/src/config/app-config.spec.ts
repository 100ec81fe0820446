import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateEnvironment } from './app-config';

describe('validateEnvironment', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'hub-config-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const secret = (name: string, value: string) => {
    const file = join(dir, name);
    writeFileSync(file, `${value}\n`);
    return file;
  };

  it('reads a secret from the file named by <NAME>_FILE, without the trailing newline', () => {
    const env = validateEnvironment({ JWT_SECRET_FILE: secret('jwt', 'a-secret-of-at-least-16-chars'), DATABASE_PASSWORD_FILE: secret('db', 'pg pass') });
    expect(env.JWT_SECRET).toBe('a-secret-of-at-least-16-chars');
    expect(env.DATABASE_PASSWORD).toBe('pg pass');
  });

  it('refuses a secret given both directly and as a file', () => {
    expect(() => validateEnvironment({ JWT_SECRET: 'a-secret-of-at-least-16-chars', JWT_SECRET_FILE: secret('jwt2', 'another-secret-16-chars') })).toThrow('JWT_SECRET and JWT_SECRET_FILE are both set');
  });

  it('refuses to start when a secret file cannot be read', () => {
    expect(() => validateEnvironment({ PII_KEYS_FILE: join(dir, 'missing') })).toThrow(/PII_KEYS_FILE: cannot read .*missing \(ENOENT\)/);
  });

  it('still refuses development secrets in production when the others come from files', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production', JWT_SECRET_FILE: secret('jwt3', 'a-production-secret-0123456789') })).toThrow(/ADMIN_PASSWORD is the development default/);
  });

  it('runs in single-machine mode only when asked to', () => {
    expect(validateEnvironment({}).SINGLE_MACHINE).toBe('false');
    expect(validateEnvironment({ SINGLE_MACHINE: 'true' }).SINGLE_MACHINE).toBe('true');
    expect(() => validateEnvironment({ SINGLE_MACHINE: 'yes' })).toThrow(/SINGLE_MACHINE/);
  });
});
