import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role, Viewer } from './roles';

export const ROLES_KEY = 'hub:roles';
/** Only these roles may call the endpoint (403 for other staff). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated staff member. */
export const CurrentViewer = createParamDecorator((_: unknown, ctx: ExecutionContext): Viewer => ctx.switchToHttp().getRequest().viewer);

/** The verified claims of the caller's access token (session, token id, expiry). */
export const CurrentClaims = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest().tokenClaims);
