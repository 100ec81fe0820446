import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, eventsChannel, RedisClient, Unauthorized } from '@hub/core';

export interface IssuedRefresh {
  sessionId: string;
  refreshToken: string;
  refreshExpiresIn: number;
}

/** What travels on the events channel when a session ends, so every process drops its sockets. */
export interface SessionRevokedMessage {
  event: 'session.revoked';
  sessionId: string;
}

interface RefreshRow {
  id: string;
  session_id: string;
  user_id: string;
  token_hash: string;
  used_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Login sessions: each holds one live refresh token (random, stored as its sha256) that
 * rotates on every use. A refresh token used twice means it was copied: the whole
 * session is revoked. Revoked access tokens (by jti) are kept until they expire.
 */
@Injectable()
export class AuthSessions {
  constructor(
    private readonly db: DataSource,
    private readonly redis: RedisClient,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async open(userId: string): Promise<IssuedRefresh> {
    const ttl = this.config.env.REFRESH_TTL_SECONDS;
    return this.db.transaction(async (tx) => {
      const [session]: Array<{ id: string }> = await tx.query(`INSERT INTO auth_sessions (user_id, expires_at) VALUES ($1, now() + make_interval(secs => $2)) RETURNING id`, [userId, ttl]);
      return { sessionId: session.id, refreshToken: await this.issueRefresh(tx, session.id), refreshExpiresIn: ttl };
    });
  }

  /** Spends a refresh token and returns the next one of its session; 401 for anything else. */
  async rotate(refreshToken: string): Promise<{ userId: string } & IssuedRefresh> {
    const [id, secret] = refreshToken.split('.');
    if (!isUuid(id) || !secret) throw refused();
    const rotated = await this.db.transaction(async (tx) => {
      const [row]: RefreshRow[] = await tx.query(
        `SELECT r.id, r.session_id, s.user_id, r.token_hash, r.used_at, s.revoked_at, s.expires_at
           FROM refresh_tokens r JOIN auth_sessions s ON s.id = r.session_id WHERE r.id = $1 FOR UPDATE OF s`,
        [id],
      );
      if (!row || !sameHash(row.token_hash, sha256(secret))) throw refused();
      if (row.revoked_at || row.expires_at <= new Date()) throw refused();
      if (row.used_at) {
        // committed, then refused: a copied refresh token ends the session for its holder too
        await this.revokeSession(tx, row.session_id, 'REFRESH_TOKEN_REUSED');
        return null;
      }
      await tx.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [row.id]);
      const next = await this.issueRefresh(tx, row.session_id);
      const refreshExpiresIn = Math.max(0, Math.floor((row.expires_at.getTime() - Date.now()) / 1000));
      return { userId: row.user_id, sessionId: row.session_id, refreshToken: next, refreshExpiresIn };
    });
    if (!rotated) throw refused();
    return rotated;
  }

  /** Ends a session (its refresh token and every access token issued in it) and this access token by its jti. */
  async close(sessionId: string, jti: string, accessExpiresAt: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.revokeSession(tx, sessionId, 'LOGOUT');
      await tx.query(`INSERT INTO revoked_tokens (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING`, [jti, accessExpiresAt]);
      await tx.query(`DELETE FROM revoked_tokens WHERE expires_at < now() - interval '1 minute'`);
    });
  }

  private async revokeSession(tx: EntityManager, sessionId: string, reason: string): Promise<void> {
    await tx.query(`UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, reason]);
    const message: SessionRevokedMessage = { event: 'session.revoked', sessionId };
    await this.redis.redis.publish(eventsChannel(this.config.redisPrefix), JSON.stringify(message)).catch(() => undefined);
  }

  private async issueRefresh(tx: EntityManager, sessionId: string): Promise<string> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await tx.query(`INSERT INTO refresh_tokens (id, session_id, token_hash) VALUES ($1, $2, $3)`, [id, sessionId, sha256(secret)]);
    return `${id}.${secret}`;
  }
}

const refused = () => Unauthorized('Invalid, expired or revoked refresh token; log in again');
const isUuid = (value: string | undefined): value is string => !!value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
