import { unitFor } from '@hub/taxonomy';
import type { UnitResolver } from './rule-types';

/** taxonomy.json units rule and fallback: the department's unit in the region, else its 220000 unit. */
export const defaultUnitFor: UnitResolver = (department, regionCode) => unitFor(department, regionCode);
