import type { LeadTable } from '../rules/lead-table';

export interface HeadDistributions {
  category: Float64Array;
  violation: Float64Array;
  stage: Float64Array;
}

export interface LeadOutcome {
  /** lead department → probability, summed over the joint of the heads (assumed independent) */
  leads: Map<string, number>;
  best: { lead: string; probability: number; category: number; violation: number; stage: number };
}

/**
 * Routing is what matters: the confidence is the probability mass of the most likely lead
 * department, and the labels are the most likely combination that routes there.
 */
export function leadOutcome(table: LeadTable, p: HeadDistributions): LeadOutcome {
  const V = table.violations.length;
  const S = table.stages.length;
  const D = table.departments.length;
  const mass = new Float64Array(D);
  const bestJoint = new Float64Array(D).fill(-1);
  const bestCombo = new Int32Array(D);
  for (let c = 0, i = 0; c < table.categories.length; c++) {
    const pc = p.category[c];
    for (let v = 0; v < V; v++) {
      const pcv = pc * p.violation[v];
      for (let s = 0; s < S; s++, i++) {
        const joint = pcv * p.stage[s];
        const d = table.leadIds[i];
        mass[d] += joint;
        if (joint > bestJoint[d]) {
          bestJoint[d] = joint;
          bestCombo[d] = i;
        }
      }
    }
  }
  const leads = new Map<string, number>();
  let best = -1;
  for (let d = 0; d < D; d++) {
    leads.set(table.departments[d], mass[d]);
    if (table.departments[d] && (best < 0 || mass[d] > mass[best])) best = d;
  }
  const combo = bestCombo[best];
  return {
    leads,
    best: {
      lead: table.departments[best],
      probability: mass[best],
      category: Math.floor(combo / (V * S)),
      violation: Math.floor(combo / S) % V,
      stage: combo % S,
    },
  };
}
