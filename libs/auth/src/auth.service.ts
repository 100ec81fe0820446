import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { Repository } from 'typeorm';
import { AppConfig, DomainError, Invalid, Unauthorized } from '@hub/core';
import { CreateUserDto } from './auth.dto';
import { Role, UNIT_ROLES, Viewer } from './roles';
import { UserEntity } from './user.entity';

interface TokenClaims {
  sub: string;
}

/** A hash to verify against when the user is unknown, so timing does not tell. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Lkc3QfMb9hBTD5nEgrZqgdIkCx1bgvjGgVxOVWrPwhs';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string; expiresIn: number }> {
    const user = await this.users.findOne({ where: { username } });
    const ok = await argon2.verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!user || !ok || !user.active) throw Unauthorized('Wrong username or password');
    const expiresIn = this.config.env.JWT_TTL_SECONDS;
    const accessToken = await this.jwt.signAsync({ sub: user.id } satisfies TokenClaims, { expiresIn });
    return { accessToken, expiresIn };
  }

  /** Resolves a bearer token to an active user; throws 401 otherwise. */
  async viewerFromToken(token: string): Promise<Viewer> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw Unauthorized('Invalid or expired token');
    }
    const user = await this.users.findOne({ where: { id: claims.sub } });
    if (!user || !user.active) throw Unauthorized('Account is not active');
    return toViewer(user);
  }

  async createUser(dto: CreateUserDto): Promise<{ id: string }> {
    const unit = dto.unit ?? null;
    assertUnitMatchesRoles(dto.roles, unit);
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

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

export function toViewer(user: UserEntity): Viewer {
  return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, unit: user.unitCode };
}

function assertUnitMatchesRoles(roles: Role[], unit: string | null): void {
  const needsUnit = roles.some((r) => UNIT_ROLES.includes(r));
  if (needsUnit && !unit) throw Invalid('This role needs a unit', [{ field: 'unit', message: `roles ${roles.join(', ')} work for a unit` }]);
}
