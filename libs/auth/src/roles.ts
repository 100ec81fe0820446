import type { Role, StaffView } from '@hub/contracts';

export { ROLES, UNIT_ROLES } from '@hub/contracts';
export type { Role } from '@hub/contracts';

/** The authenticated staff member behind a request or socket. */
export type Viewer = StaffView;

export const hasRole = (viewer: Viewer, ...roles: Role[]) => viewer.roles.some((r) => roles.includes(r));
