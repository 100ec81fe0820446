export const ROLES = ['OPERATOR', 'HANDLER', 'UNIT_HEAD', 'REWARD_OFFICER', 'FINANCE', 'SUPERVISOR', 'ADMIN', 'POLICE_LIAISON', 'PROSECUTOR'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose work is tied to one department unit. */
export const UNIT_ROLES: readonly Role[] = ['HANDLER', 'UNIT_HEAD', 'POLICE_LIAISON'];

/** The authenticated staff member behind a request or socket. */
export interface Viewer {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unit: string | null;
}

export const hasRole = (viewer: Viewer, ...roles: Role[]) => viewer.roles.some((r) => roles.includes(r));
