import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { AppConfig, DomainError, Invalid, Unauthorized } from '@hub/core';
import { CreateUserDto } from './auth.dto';
import { Role, UNIT_ROLES, Viewer } from './roles';
import { UserEntity } from './user.entity';
import { AuthSessions } from './auth-sessions.service';
import { LoginLockout } from './login-lockout.service';
import { passwordProblem } from './password-policy';

/** What a staff access token carries: the user, its login session and its own id (for revocation). */
export interface TokenClaims {
  sub: string;
  sid: string;
  jti: string;
  exp: number;
}

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

export interface Authenticated {
  viewer: Viewer;
  claims: TokenClaims;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** Verified when the username is unknown: made like every real hash, so refusing takes as long. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
    private readonly sessions: AuthSessions,
    private readonly lockout: LoginLockout,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, address: string): Promise<LoginResult> {
    await this.lockout.assertNotLocked(username, address);
    const user = await this.users.findOne({ where: { username } });
    const ok = await argon2.verify(user?.passwordHash ?? (await this.unknownUserHash()), password).catch(() => false);
    if (!user || !ok || !user.active) {
      await this.lockout.recordFailure(username, address);
      throw Unauthorized('Wrong username or password');
    }
    await this.lockout.recordSuccess(username);
    if (argon2.needsRehash(user.passwordHash, PASSWORD_HASH_OPTIONS)) await this.users.update(user.id, { passwordHash: await hashPassword(password) });
    const session = await this.sessions.open(user.id);
    return { ...(await this.accessToken(user.id, session.sessionId)), refreshToken: session.refreshToken, refreshExpiresIn: session.refreshExpiresIn };
  }

  /** A new access token and the next refresh token of the same session. */
  async refresh(refreshToken: string): Promise<LoginResult> {
    const rotated = await this.sessions.rotate(refreshToken);
    const user = await this.users.findOne({ where: { id: rotated.userId } });
    if (!user?.active) throw Unauthorized('Account is not active');
    return { ...(await this.accessToken(user.id, rotated.sessionId)), refreshToken: rotated.refreshToken, refreshExpiresIn: rotated.refreshExpiresIn };
  }

  async logout(claims: TokenClaims): Promise<void> {
    await this.sessions.close(claims.sid, claims.jti, new Date(claims.exp * 1000));
  }

  /** Resolves a bearer token to an active user; throws 401 otherwise. */
  async viewerFromToken(token: string): Promise<Viewer> {
    return (await this.authenticate(token)).viewer;
  }

  /** Checks signature and expiry, then that the token, its session and its user are still good. */
  async authenticate(token: string): Promise<Authenticated> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw Unauthorized('Invalid or expired token');
    }
    if (!isUuid(claims.sub) || !isUuid(claims.sid) || !isUuid(claims.jti)) throw Unauthorized('Invalid or expired token');
    const user = await this.users
      .createQueryBuilder('u')
      .where('u.id = :sub AND u.active', { sub: claims.sub })
      .andWhere('NOT EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.jti = :jti)', { jti: claims.jti })
      .andWhere('EXISTS (SELECT 1 FROM auth_sessions s WHERE s.id = :sid AND s.user_id = u.id AND s.revoked_at IS NULL)', { sid: claims.sid })
      .getOne();
    if (!user) throw Unauthorized('Token revoked or account not active');
    return { viewer: toViewer(user), claims };
  }

  private async accessToken(userId: string, sessionId: string): Promise<{ accessToken: string; expiresIn: number }> {
    const expiresIn = this.config.env.JWT_TTL_SECONDS;
    const accessToken = await this.jwt.signAsync({ sub: userId, sid: sessionId, jti: randomUUID() }, { expiresIn });
    return { accessToken, expiresIn };
  }

  private unknownUserHash(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
    return this.dummyHash;
  }

  async createUser(dto: CreateUserDto): Promise<{ id: string }> {
    const unit = dto.unit ?? null;
    assertUnitMatchesRoles(dto.roles, unit);
    const weak = passwordProblem(dto.password, [dto.username, dto.displayName]);
    if (weak) throw Invalid('The password is too weak', [{ field: 'password', message: weak }]);
    if (unit && !(await this.unitExists(unit))) throw Invalid('Unknown unit', [{ field: 'unit', message: `${unit} is not a unit` }]);
    if (await this.users.exists({ where: { username: dto.username } })) {
      throw new DomainError('USERNAME_TAKEN', `Username ${dto.username} is taken`, 409);
    }
    const user = this.users.create({ username: dto.username, passwordHash: await hashPassword(dto.password), displayName: dto.displayName, roles: dto.roles, unitCode: unit });
    const saved = await this.users.save(user);
    return { id: saved.id };
  }

  /** Creates the first admin from configuration when it does not exist yet. */
  async ensureFirstAdmin(): Promise<void> {
    const { ADMIN_USERNAME, ADMIN_PASSWORD } = this.config.env;
    if (await this.users.exists({ where: { username: ADMIN_USERNAME } })) return;
    await this.users.save(this.users.create({ username: ADMIN_USERNAME, passwordHash: await hashPassword(ADMIN_PASSWORD), displayName: '系统管理员', roles: ['ADMIN'], unitCode: null }));
    this.logger.log(`first admin "${ADMIN_USERNAME}" created`);
  }

  private async unitExists(code: string): Promise<boolean> {
    const rows: unknown[] = await this.users.query('SELECT 1 FROM units WHERE code = $1', [code]);
    return rows.length > 0;
  }
}

/**
 * Every staff password hash, and the unknown-user hash, use these argon2id parameters
 * (OWASP's minimum: 19 MiB, 2 passes, 1 lane), so a refusal costs the same either way.
 */
export const PASSWORD_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
export const hashPassword = (password: string) => argon2.hash(password, PASSWORD_HASH_OPTIONS);

const isUuid = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export function toViewer(user: UserEntity): Viewer {
  return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, unit: user.unitCode };
}

function assertUnitMatchesRoles(roles: Role[], unit: string | null): void {
  const needsUnit = roles.some((r) => UNIT_ROLES.includes(r));
  if (needsUnit && !unit) throw Invalid('This role needs a unit', [{ field: 'unit', message: `roles ${roles.join(', ')} work for a unit` }]);
}
