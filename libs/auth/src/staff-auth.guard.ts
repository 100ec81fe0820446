import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Forbidden, IS_PUBLIC, Unauthorized } from '@hub/core';
import { ROLES_KEY } from './auth.decorators';
import { AuthService } from './auth.service';
import type { Role } from './roles';

/**
 * Every HTTP endpoint is staff-only unless marked @Public. Role checks come from
 * @Roles; unit scoping is the services' job (they answer 404 outside the scope).
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { viewer?: unknown; tokenClaims?: unknown }>();
    const { viewer, claims } = await this.auth.authenticate(bearerToken(request));
    request.viewer = viewer;
    request.tokenClaims = claims;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && !viewer.roles.some((r) => allowed.includes(r))) throw Forbidden();
    return true;
  }
}

function bearerToken(request: Request): string {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw Unauthorized('Send Authorization: Bearer <accessToken>');
  return match[1];
}
