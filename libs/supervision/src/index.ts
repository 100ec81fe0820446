/** Supervision: rollups of the ticket flow, the dashboard and unit assessment. */
export {};
