import { countAtMost, EXACT_COUNT_LIMIT } from './estimated-count';

/** A database that plans `estimate` rows and holds `actual` of them; records what it was asked. */
function database(estimate: number, actual: number) {
  const asked: string[] = [];
  const run = async (sql: string) => {
    asked.push(sql.startsWith('EXPLAIN') ? 'estimate' : 'count');
    return sql.startsWith('EXPLAIN') ? [{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': estimate } }] }] : [{ n: String(Math.min(actual, EXACT_COUNT_LIMIT + 1)) }];
  };
  return { run, asked };
}

describe('list totals', () => {
  it('are exact up to the limit', async () => {
    const db = database(300, 412);
    expect(await countAtMost(db.run, 'FROM tickets', [])).toBe(412);
    expect(db.asked).toEqual(['estimate', 'count']);
  });

  it('are the estimate, with nothing counted, when the planner expects far more', async () => {
    const db = database(37_877, 37_000);
    expect(await countAtMost(db.run, 'FROM tickets', [])).toBe(37_877);
    expect(db.asked).toEqual(['estimate']);
  });

  it('are the estimate, never below the limit, when a count passes it', async () => {
    expect(await countAtMost(database(12_000, 15_000).run, 'FROM tickets', [])).toBe(12_000);
    expect(await countAtMost(database(900, 15_000).run, 'FROM tickets', [])).toBe(EXACT_COUNT_LIMIT + 1);
  });

  it('are counted for text searches, whose estimates are guesses', async () => {
    const db = database(40_000, 3);
    expect(await countAtMost(db.run, 'FROM tickets', [], false)).toBe(3);
    expect(db.asked).toEqual(['estimate', 'count']);
  });
});
