import { FINANCE_APPROVAL_FROM_FEN } from '@hub/contracts';
import type { Viewer } from '@hub/auth/roles';

export interface ScopeClause {
  /** SQL condition on alias `t`, with $n placeholders from `startIndex` */
  sql: string;
  params: unknown[];
}

/**
 * Which tickets a staff member may see (contracts.md Visibility). Anything outside
 * answers 404, so another unit's ticket cannot be told from a missing one.
 */
export function visibilityClause(viewer: Viewer, startIndex: number): ScopeClause {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${startIndex + params.length - 1}`;
  };
  const roles = new Set(viewer.roles);
  if (roles.has('OPERATOR') || roles.has('SUPERVISOR')) return { sql: 'TRUE', params: [] };
  if ((roles.has('HANDLER') || roles.has('UNIT_HEAD')) && viewer.unit) {
    const unit = param(viewer.unit);
    clauses.push(`(t.lead_unit = ${unit} OR ${unit} = ANY(t.assist_units))`);
  }
  if (roles.has('PROSECUTOR')) clauses.push(`(t.transfer_state IS NOT NULL OR 'SUSPECTED_CRIME' = ANY(t.flags))`);
  if (roles.has('POLICE_LIAISON') && viewer.unit) clauses.push(`(t.police_unit = ${param(viewer.unit)})`);
  if (roles.has('REWARD_OFFICER')) clauses.push(`EXISTS (SELECT 1 FROM rewards rw WHERE rw.ticket_id = t.id)`);
  else if (roles.has('FINANCE')) clauses.push(`EXISTS (SELECT 1 FROM rewards rw WHERE rw.ticket_id = t.id AND rw.amount_fen >= ${FINANCE_APPROVAL_FROM_FEN})`);
  return { sql: clauses.length > 0 ? `(${clauses.join(' OR ')})` : 'FALSE', params };
}
