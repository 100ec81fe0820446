import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, decodeCursor, DomainError, encodeCursor } from '@hub/core';
import type { Actor } from '@hub/tickets';
import type { BudgetView, LedgerEntryView, ReconciliationView } from '@hub/contracts';
import { balanceOf, emptySums, LedgerKind, LedgerSums, rewardLedgerProblems } from './ledger-balance';

export type { BudgetView, LedgerEntryView } from '@hub/contracts';



export interface LedgerQuery {
  department?: string;
  year?: number;
  rewardId?: string;
  cursor?: string;
  limit?: number;
}

interface Entry {
  department: string;
  year: number;
  kind: LedgerKind;
  amountFen: number;
  rewardId: string | null;
  actor: Actor;
  note?: string | null;
}

/**
 * The reward money: an append-only ledger (the database refuses updates and deletes).
 * Budgets are sums over it; a commitment takes a per-department-year lock first, so
 * concurrent approvals are checked one after another and cannot overspend.
 */
@Injectable()
export class RewardLedger {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async grant(department: string, year: number, amountFen: number, actor: Actor, note: string | null): Promise<LedgerEntryView> {
    const id = await this.db.transaction((tx) => this.append(tx, { department, year, kind: 'GRANT', amountFen, rewardId: null, actor, note }));
    return (await this.list({ department, year, limit: 1 }, id)).items[0];
  }

  /** Commits a reward's amount in the caller's transaction; 409 BUDGET_EXCEEDED when the year's budget cannot take it. */
  async commit(tx: EntityManager, department: string, year: number, rewardId: string, amountFen: number, actor: Actor): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`reward-budget:${department}:${year}`]);
    const balance = balanceOf(await this.sums(tx, department, year));
    if (amountFen > balance.availableFen) {
      throw new DomainError(
        'BUDGET_EXCEEDED',
        `The ${department} reward budget for ${year} has ¥${(balance.availableFen / 100).toFixed(2)} left; this reward needs ¥${(amountFen / 100).toFixed(2)}`,
        409,
        [{ field: 'amountFen', message: `可用预算 ${balance.availableFen} 分，不足以支付 ${amountFen} 分` }],
        {},
        { availableFen: balance.availableFen },
      );
    }
    await this.append(tx, { department, year, kind: 'COMMITMENT', amountFen, rewardId, actor });
  }

  /** PAYOUT, REVERSAL or EXPIRY_RELEASE of a committed reward, in the caller's transaction. */
  async close(tx: EntityManager, kind: 'PAYOUT' | 'REVERSAL' | 'EXPIRY_RELEASE', rewardId: string, actor: Actor, note: string | null = null): Promise<void> {
    const [commitment]: Array<{ department: string; year: number; amount_fen: string }> = await tx.query(
      `SELECT department, year, amount_fen FROM reward_ledger WHERE reward_id = $1 AND kind = 'COMMITMENT'`,
      [rewardId],
    );
    if (!commitment) throw Conflict('NOT_COMMITTED', 'The reward has no commitment in the ledger');
    await this.append(tx, { department: commitment.department, year: commitment.year, kind, amountFen: Number(commitment.amount_fen), rewardId, actor, note });
  }

  async budgets(year: number): Promise<BudgetView[]> {
    const rows: Array<{ department: string; kind: LedgerKind; total: string }> = await this.db.query(
      `SELECT department, kind, sum(amount_fen)::text AS total FROM reward_ledger WHERE year = $1 GROUP BY department, kind ORDER BY department`,
      [year],
    );
    const byDepartment = new Map<string, LedgerSums>();
    for (const r of rows) {
      const sums = byDepartment.get(r.department) ?? emptySums();
      sums[r.kind] = BigInt(r.total);
      byDepartment.set(r.department, sums);
    }
    return [...byDepartment].map(([department, sums]) => ({ department, year, ...balanceOf(sums) }));
  }

  async list(query: LedgerQuery, onlyId?: string): Promise<{ items: LedgerEntryView[]; nextCursor: string | null }> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (onlyId) add('l.id = ?', onlyId);
    if (query.department) add('l.department = ?', query.department);
    if (query.year) add('l.year = ?', query.year);
    if (query.rewardId) add('l.reward_id = ?', query.rewardId);
    const after = decodeCursor(query.cursor);
    if (after) {
      params.push(after.at, after.id);
      where.push(`(l.at, l.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    }
    params.push(limit + 1);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT l.id, l.at, l.department, l.year, l.kind, l.amount_fen, l.reward_id, l.actor_name, l.note, t.tracking_code
         FROM reward_ledger l LEFT JOIN rewards r ON r.id = l.reward_id LEFT JOIN tickets t ON t.id = r.ticket_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY l.at DESC, l.id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map(toEntryView);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.at, last.id) : null };
  }

  /** Grants, commitments and payouts against the rewards' states; no balance below zero. */
  async reconcile(year?: number): Promise<ReconciliationView> {
    const yearFilter = year ? 'WHERE year = $1' : '';
    const params = year ? [year] : [];
    const sums: Array<{ department: string; year: number; kind: LedgerKind; total: string }> = await this.db.query(
      `SELECT department, year, kind, sum(amount_fen)::text AS total FROM reward_ledger ${yearFilter} GROUP BY department, year, kind`,
      params,
    );
    const rewardTotals: Array<{ department: string; year: number; committed: string; paid: string }> = await this.db.query(
      `SELECT department, budget_year AS year,
              coalesce(sum(amount_fen) FILTER (WHERE state IN ('APPROVED', 'NOTIFIED', 'CLAIMED')), 0)::text AS committed,
              coalesce(sum(amount_fen) FILTER (WHERE state = 'PAID'), 0)::text AS paid
         FROM rewards WHERE budget_year IS NOT NULL ${year ? 'AND budget_year = $1' : ''} GROUP BY department, budget_year`,
      params,
    );
    const perReward: Array<{ id: string; department: string; year: number | null; state: string; amount_fen: string; kind: LedgerKind | null; total: string | null }> = await this.db.query(
      `SELECT r.id, r.department, r.budget_year AS year, r.state, r.amount_fen, l.kind, sum(l.amount_fen)::text AS total
         FROM rewards r LEFT JOIN reward_ledger l ON l.reward_id = r.id
        ${year ? 'WHERE r.budget_year = $1 OR (r.budget_year IS NULL AND r.state = $2)' : ''}
        GROUP BY r.id, l.kind`,
      year ? [year, 'PROPOSED'] : [],
    );
    return buildReconciliation(sums, rewardTotals, perReward);
  }

  private async sums(tx: EntityManager, department: string, year: number): Promise<LedgerSums> {
    const rows: Array<{ kind: LedgerKind; total: string }> = await tx.query(
      `SELECT kind, sum(amount_fen)::text AS total FROM reward_ledger WHERE department = $1 AND year = $2 GROUP BY kind`,
      [department, year],
    );
    const sums = emptySums();
    for (const r of rows) sums[r.kind] = BigInt(r.total);
    return sums;
  }

  private async append(tx: EntityManager, e: Entry): Promise<string> {
    const [row]: Array<{ id: string }> = await tx.query(
      `INSERT INTO reward_ledger (department, year, kind, amount_fen, reward_id, actor_id, actor_name, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [e.department, e.year, e.kind, e.amountFen, e.rewardId, e.actor.id, e.actor.name, e.note ?? null],
    );
    return String(row.id);
  }
}

function toEntryView(r: Record<string, unknown>): LedgerEntryView {
  return {
    id: String(r.id),
    at: (r.at as Date).toISOString(),
    department: r.department as string,
    year: r.year as number,
    kind: r.kind as LedgerKind,
    amountFen: Number(r.amount_fen),
    rewardId: (r.reward_id as string | null) ?? null,
    trackingCode: (r.tracking_code as string | null) ?? null,
    actor: r.actor_name as string,
    note: (r.note as string | null) ?? null,
  };
}

interface Problem {
  rewardId: string | null;
  department: string;
  year: number | null;
  message: string;
}

function buildReconciliation(
  sums: Array<{ department: string; year: number; kind: LedgerKind; total: string }>,
  rewardTotals: Array<{ department: string; year: number; committed: string; paid: string }>,
  perReward: Array<{ id: string; department: string; year: number | null; state: string; amount_fen: string; kind: LedgerKind | null; total: string | null }>,
): ReconciliationView {
  const key = (department: string, year: number) => `${department}:${year}`;
  const budgets = new Map<string, { department: string; year: number; sums: LedgerSums; committed: bigint; paid: bigint }>();
  const budget = (department: string, year: number) => {
    const k = key(department, year);
    if (!budgets.has(k)) budgets.set(k, { department, year, sums: emptySums(), committed: 0n, paid: 0n });
    return budgets.get(k)!;
  };
  for (const s of sums) budget(s.department, s.year).sums[s.kind] = BigInt(s.total);
  for (const r of rewardTotals) Object.assign(budget(r.department, r.year), { committed: BigInt(r.committed), paid: BigInt(r.paid) });
  const problems: Problem[] = [];
  const items = [...budgets.values()]
    .sort((a, b) => a.year - b.year || a.department.localeCompare(b.department))
    .map((b) => {
      const balance = balanceOf(b.sums);
      const own: string[] = [];
      if (BigInt(balance.committedFen) !== b.committed) own.push(`ledger commitments ${balance.committedFen} fen ≠ open rewards ${b.committed} fen`);
      if (BigInt(balance.paidFen) !== b.paid) own.push(`ledger payouts ${balance.paidFen} fen ≠ paid rewards ${b.paid} fen`);
      if (balance.availableFen < 0) own.push(`available ${balance.availableFen} fen is below zero`);
      problems.push(...own.map((message) => ({ rewardId: null, department: b.department, year: b.year, message })));
      return { department: b.department, year: b.year, ...balance, rewardsCommittedFen: Number(b.committed), rewardsPaidFen: Number(b.paid), ok: own.length === 0 };
    });
  const rewards = new Map<string, { department: string; year: number | null; state: string; amount: bigint; sums: LedgerSums }>();
  for (const r of perReward) {
    const entry = rewards.get(r.id) ?? { department: r.department, year: r.year, state: r.state, amount: BigInt(r.amount_fen), sums: emptySums() };
    if (r.kind && r.total) entry.sums[r.kind] = BigInt(r.total);
    rewards.set(r.id, entry);
  }
  for (const [id, r] of rewards) {
    for (const message of rewardLedgerProblems({ state: r.state, amountFen: r.amount, sums: r.sums })) problems.push({ rewardId: id, department: r.department, year: r.year, message });
  }
  return { ok: problems.length === 0, checkedAt: new Date().toISOString(), items, problems };
}
