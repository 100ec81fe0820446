/** Totals are exact up to here. */
export const EXACT_COUNT_LIMIT = 10_000;
/** Above this many expected rows the planner's estimate is the total, and nothing is counted. */
export const ESTIMATE_TRUSTED_ABOVE = 2 * EXACT_COUNT_LIMIT;

export type Run = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

/**
 * How many rows `FROM …` has: exact up to EXACT_COUNT_LIMIT, else PostgreSQL's estimate.
 * Counting every match of a filter over years of tickets would cost more than the page, and
 * nobody reads "1,234,567" exactly. The estimate (one EXPLAIN, no rows read) comes first: when
 * the planner expects far more than the limit, even the capped count is skipped (it read 80,000
 * rows to count 10,001 FOOD tickets). With `trustEstimate` false (text searches, whose
 * selectivity the planner guesses) the capped count always runs.
 */
export async function countAtMost(run: Run, from: string, params: unknown[], trustEstimate = true): Promise<number> {
  const estimate = await estimateRows(run, from, params);
  if (trustEstimate && estimate > ESTIMATE_TRUSTED_ABOVE) return estimate;
  const [{ n }] = await run(`SELECT count(*) AS n FROM (SELECT 1 ${from} LIMIT ${EXACT_COUNT_LIMIT + 1}) capped`, params);
  return Number(n) <= EXACT_COUNT_LIMIT ? Number(n) : Math.max(EXACT_COUNT_LIMIT + 1, estimate);
}

/** The planner's expectation of the rows of `FROM …`: one EXPLAIN, no rows read. */
export async function estimateRows(run: Run, from: string, params: unknown[]): Promise<number> {
  const [row] = await run(`EXPLAIN (FORMAT JSON) SELECT 1 ${from}`, params);
  const plan = row['QUERY PLAN'] as Array<{ Plan: { 'Plan Rows': number } }>;
  return Math.round(Number(plan[0].Plan['Plan Rows']));
}
