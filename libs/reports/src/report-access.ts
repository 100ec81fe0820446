import { PROVINCE_SCOPE, Role } from '@hub/contracts';
import { parseUnitCode, unitExists } from '@hub/taxonomy';

interface Asker {
  roles: readonly Role[];
  unit: string | null;
}

/** PROVINCE, or a unit that exists (DEPT@REGION). */
export function isReportScope(scope: string): boolean {
  if (scope === PROVINCE_SCOPE) return true;
  const unit = parseUnitCode(scope);
  return !!unit && unitExists(unit.department, unit.region);
}

/** Supervisors see every scope; a unit head only their own unit's reports. */
export function mayUseScope(asker: Asker, scope: string): boolean {
  if (asker.roles.includes('SUPERVISOR')) return true;
  return asker.roles.includes('UNIT_HEAD') && !!asker.unit && asker.unit === scope;
}

/** The scopes whose runs a list shows: null for all. */
export function visibleScopes(asker: Asker): string[] | null {
  if (asker.roles.includes('SUPERVISOR')) return null;
  return asker.roles.includes('UNIT_HEAD') && asker.unit ? [asker.unit] : [];
}
