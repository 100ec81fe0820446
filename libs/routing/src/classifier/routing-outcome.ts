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
  const leads = new Map<string, number>();
  const bestCombo = new Map<string, { joint: number; c: number; v: number; s: number }>();
  for (let c = 0; c < table.categories.length; c++) {
    const pc = p.category[c];
    for (let v = 0; v < V; v++) {
      const pcv = pc * p.violation[v];
      for (let s = 0; s < S; s++) {
        const joint = pcv * p.stage[s];
        const lead = table.leads[(c * V + v) * S + s];
        leads.set(lead, (leads.get(lead) ?? 0) + joint);
        const current = bestCombo.get(lead);
        if (!current || joint > current.joint) bestCombo.set(lead, { joint, c, v, s });
      }
    }
  }
  let lead = '';
  let probability = -1;
  for (const [dept, mass] of leads) {
    if (dept && mass > probability) [lead, probability] = [dept, mass];
  }
  const combo = bestCombo.get(lead)!;
  return { leads, best: { lead, probability, category: combo.c, violation: combo.v, stage: combo.s } };
}
