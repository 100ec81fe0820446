import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthService, TokenClaims } from '@hub/auth';
import { createTestApi, resetDatabase, staffToken, TEST_PASSWORD } from '@hub/testing';
import { ApiModule } from '../src/api.module';

/** Each scenario logs in from its own documentation address, so address limits of one never touch another. */
let nextAddress = 1;
const freshAddress = () => `198.51.100.${nextAddress++}`;

describe('staff accounts: password policy, tokens, logout, throttling, lockout, headers', () => {
  let app: INestApplication;
  let url: string;
  const sockets: Socket[] = [];
  const http = () => request(app.getHttpServer());
  const loginFrom = (address: string, username: string, password = TEST_PASSWORD) =>
    http().post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ username, password });
  const me = (token: string) => http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as TokenClaims & { iat: number };

  beforeAll(async () => {
    app = await createTestApi(ApiModule);
    await resetDatabase(app.get(DataSource));
    await app.get(AuthService).ensureFirstAdmin();
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    for (const username of ['op.tokens', 'op.logout', 'op.locked', 'op.rate', 'op.neighbour', 'op.socket', 'op.timing1', 'op.timing2', 'op.timing3', 'op.timing4']) {
      await app.get(AuthService).createUser({ username, password: TEST_PASSWORD, displayName: username, roles: ['OPERATOR'], unit: null });
    }
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await app.close();
  });

  const adminToken = async () => (await loginFrom(freshAddress(), 'admin', 'admin-demo-2026').expect(200)).body.accessToken as string;

  it('refuses short and common passwords when an account is created, naming the field', async () => {
    const admin = await adminToken();
    for (const password of ['1234567890', 'password1234', 'qwertyuiop12', 'wang.fang.2026']) {
      const res = await http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${admin}`)
        .send({ username: 'wang.fang', password, displayName: '王芳', roles: ['OPERATOR'] })
        .expect(422);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['password']);
    }
    await http().post('/api/v1/users').set('Authorization', `Bearer ${admin}`).send({ username: 'wang.fang', password: 'river-lamp-orchid-73', displayName: '王芳', roles: ['OPERATOR'] }).expect(201);
  });

  it('gives a 15-minute access token and a refresh token that rotates; a reused refresh token ends the session', async () => {
    const login = (await loginFrom(freshAddress(), 'op.tokens').expect(200)).body;
    expect(login).toEqual({ accessToken: expect.any(String), expiresIn: 900, refreshToken: expect.any(String), refreshExpiresIn: 43200 });
    const claims = claimsOf(login.accessToken);
    expect(claims.exp - claims.iat).toBe(900);
    const [stored] = await app.get(DataSource).query(`SELECT token_hash FROM refresh_tokens r JOIN auth_sessions s ON s.id = r.session_id WHERE s.id = $1`, [claims.sid]);
    expect(stored.token_hash).not.toContain(login.refreshToken.split('.')[1]);

    const second = (await http().post('/api/v1/auth/refresh').send({ refreshToken: login.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(login.refreshToken);
    expect(claimsOf(second.accessToken).sid).toBe(claims.sid);
    await me(second.accessToken).expect(200);

    const replay = await http().post('/api/v1/auth/refresh').send({ refreshToken: login.refreshToken }).expect(401);
    expect(replay.body.error.code).toBe('UNAUTHORIZED');
    await http().post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
    await me(second.accessToken).expect(401);
    await me(login.accessToken).expect(401);
    await http().post('/api/v1/auth/refresh').send({ refreshToken: 'not-a-token' }).expect(401);
  });

  it('logs out: the access token, its session’s refresh token and its sockets stop working; other sessions go on', async () => {
    const first = (await loginFrom(freshAddress(), 'op.logout').expect(200)).body;
    const other = (await loginFrom(freshAddress(), 'op.logout').expect(200)).body;
    const socket = connect(first.accessToken);
    await connected(socket);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${first.accessToken}`).expect(204);
    expect(await closed).toBe('io server disconnect');
    await me(first.accessToken).expect(401);
    await http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    const [revoked] = await app.get(DataSource).query(`SELECT 1 AS found FROM revoked_tokens WHERE jti = $1`, [claimsOf(first.accessToken).jti]);
    expect(revoked.found).toBe(1);
    const refused = connect(first.accessToken);
    await expect(connected(refused)).rejects.toThrow('UNAUTHORIZED');
    await me(other.accessToken).expect(200);
    await http().post('/api/v1/auth/logout').expect(401);
  });

  it('closes a socket when its token expires', async () => {
    const login = (await loginFrom(freshAddress(), 'op.socket').expect(200)).body;
    const claims = claimsOf(login.accessToken);
    const shortLived = await app.get(JwtService).signAsync({ sub: claims.sub, sid: claims.sid, jti: claims.jti }, { expiresIn: 2 });
    const socket = connect(shortLived);
    await connected(socket);
    const connectedAt = Date.now();
    const reason = await new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(reason).toBe('io server disconnect');
    expect(Date.now()).toBeGreaterThanOrEqual(claimsOf(shortLived).exp * 1000 - 50);
    expect(Date.now() - connectedAt).toBeLessThan(4000);
    await expect(connected(connect(shortLived))).rejects.toThrow('UNAUTHORIZED');
  });

  it('locks an account after 5 wrong passwords, even for the right one, with Retry-After; its neighbours go on', async () => {
    for (let i = 0; i < 5; i++) await loginFrom(freshAddress(), 'op.locked', 'wrong-password-123').expect(401);
    const locked = await loginFrom(freshAddress(), 'op.locked').expect(429);
    expect(locked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(900);
    await loginFrom(freshAddress(), 'op.neighbour').expect(200);
  });

  it('locks an address after 20 wrong passwords over any usernames; other addresses go on', async () => {
    const address = freshAddress();
    for (let i = 0; i < 20; i++) await loginFrom(address, `nobody.${i}`, 'wrong-password-123').expect(401);
    const locked = await loginFrom(address, 'op.neighbour').expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await loginFrom(freshAddress(), 'op.neighbour').expect(200);
  });

  it('limits one account to 10 attempts a minute across every api process (counted in Redis)', async () => {
    const second = await createTestApi(ApiModule);
    try {
      for (let i = 0; i < 10; i++) {
        const server = i % 2 === 0 ? app.getHttpServer() : second.getHttpServer();
        await request(server).post('/api/v1/auth/login').set('X-Forwarded-For', freshAddress()).send({ username: 'op.rate', password: TEST_PASSWORD }).expect(200);
      }
      const limited = await request(second.getHttpServer()).post('/api/v1/auth/login').set('X-Forwarded-For', freshAddress()).send({ username: 'op.rate', password: TEST_PASSWORD }).expect(429);
      expect(limited.body.error.code).toBe('TOO_MANY_ATTEMPTS');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });

  it('limits one address to 60 attempts a minute, whatever they send', async () => {
    const address = freshAddress();
    for (let i = 0; i < 60; i++) await http().post('/api/v1/auth/login').set('X-Forwarded-For', address).send({}).expect(422);
    const limited = await http().post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ username: 'op.neighbour', password: TEST_PASSWORD }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('takes as long to refuse an unknown username as a known one with a wrong password', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    const timed = async (username: string) => {
      const started = process.hrtime.bigint();
      await loginFrom(freshAddress(), username, 'wrong-password-123').expect(401);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    await timed('warm.up');
    for (let round = 0; round < 12; round++) {
      known.push(await timed(`op.timing${(round % 4) + 1}`));
      unknown.push(await timed(`ghost.${round}`));
    }
    const ratio = median(known) / median(unknown);
    console.log(`login refusal: known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms (median of 12), ratio ${ratio.toFixed(2)}`);
    expect(ratio).toBeGreaterThan(0.75);
    expect(ratio).toBeLessThan(1.33);
  });

  it('sends the security headers: a strict CSP, no framing, nosniff, no referrer', async () => {
    for (const res of [await http().get('/health'), await http().get('/api/v1/me'), await http().get('/api/docs/openapi.json')]) {
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  function connect(token: string): Socket {
    const socket = io(`${url}/console`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    return socket;
  }
});

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2;
}
