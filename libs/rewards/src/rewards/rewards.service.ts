import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, DomainError, Forbidden, NotFound } from '@hub/core';
import { PiiCipher } from '@hub/auth/pii-cipher';
import { hasRole, Viewer } from '@hub/auth/roles';
import { parseUnitCode } from '@hub/taxonomy';
import { HolidayCalendar } from '@hub/calendar';
import { Actor, appendHistory, beijingDate, ReporterSecret } from '@hub/tickets';
import { needsFinanceApproval, RewardLevel, rewardAmountFen } from '../domain/reward-amount';
import { decideEligibility, MatterTicket } from '../domain/reward-eligibility';
import { canMoveReward, REWARD_CLOCKS, RewardExclusion, RewardState } from '../domain/reward-states';
import { RewardLedger } from '../ledger/reward-ledger.service';
import { RewardNotices } from './reward-notices.service';
import { RewardRecords } from './reward-records.service';
import type { RewardView } from './reward-view';

/** What the case handling tells rewards when a unit closes a case, or approves a transfer, with a reward level. */
export interface CaseRewardInput {
  /** the ticket the unit closed */
  ticketId: string;
  rewardLevel: RewardLevel;
  outcome: string;
  fineFen: number;
  confiscationFen: number;
  closedAt: Date;
  actor: Actor;
}

export interface Payout {
  name: string;
  idNumber: string;
  bankName: string;
  accountNumber: string;
}

interface LockedReward {
  id: string;
  ticket_id: string;
  state: RewardState;
  amount_fen: string;
  department: string;
  officer_approved_by: string | null;
  claim_by: Date | null;
}

const actorOf = (viewer: Viewer): Actor => ({ id: viewer.id, name: viewer.displayName });
const TIPSTER: Actor = { id: null, name: 'tipster' };

/** The reward of a tip, from the unit's proposal to the payout (workflows.md "Rewards for tips"). */
@Injectable()
export class RewardsService {
  private readonly logger = new Logger('Rewards');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ledger: RewardLedger,
    private readonly records: RewardRecords,
    private readonly notices: RewardNotices,
    private readonly cipher: PiiCipher,
    private readonly holidays: HolidayCalendar,
  ) {}

  /**
   * The unit's proposal, in the case handling's transaction: the reward goes to the earliest
   * REPORT of the matter; an ineligible proposal is written to the history with its reasons.
   * Idempotent: a second call for the same closed ticket finds the reward made by the first.
   */
  async proposeForCase(tx: EntityManager, input: CaseRewardInput): Promise<string | null> {
    const matter = await this.matterOf(tx, input.ticketId);
    const decision = decideEligibility(input.outcome, matter.tickets);
    if (!decision.eligible) {
      await appendHistory(tx, { ticketId: input.ticketId, actor: input.actor, action: 'REWARD_NOT_ELIGIBLE', reason: decision.reasons.join('；'), data: { rewardLevel: input.rewardLevel } });
      return null;
    }
    const amountFen = rewardAmountFen(input.rewardLevel, input.fineFen, input.confiscationFen);
    const noticeBy = (await this.holidays.current(tx)).addWorkingDays(input.closedAt, REWARD_CLOCKS.noticeWorkingDays).at;
    const rows: Array<{ id: string }> = await tx.query(
      `INSERT INTO rewards (ticket_id, closed_ticket_id, department, level, outcome, fine_fen, confiscation_fen, amount_fen, state, case_closed_at, notice_by, proposed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PROPOSED', $9, $10, $11) ON CONFLICT DO NOTHING RETURNING id`,
      [decision.ticketId, input.ticketId, matter.department, input.rewardLevel, input.outcome, input.fineFen, input.confiscationFen, amountFen, input.closedAt, noticeBy, input.actor.name],
    );
    if (!rows[0]) {
      const [existing]: Array<{ id: string }> = await tx.query(`SELECT id FROM rewards WHERE closed_ticket_id = $1 OR ticket_id = $2`, [input.ticketId, decision.ticketId]);
      return existing?.id ?? null;
    }
    const data = { rewardId: rows[0].id, level: input.rewardLevel, amountFen, closedTicketId: input.ticketId };
    await appendHistory(tx, { ticketId: decision.ticketId, actor: input.actor, action: 'REWARD_PROPOSED', data });
    if (decision.ticketId !== input.ticketId) {
      await appendHistory(tx, { ticketId: input.ticketId, actor: input.actor, action: 'REWARD_PROPOSED', reason: '奖励归属最早收到的举报', data: { ...data, rewardTicketId: decision.ticketId } });
    }
    return rows[0].id;
  }

  /**
   * REWARD_OFFICER approves; a large reward also needs FINANCE (another person). The final
   * approval commits the amount against the department's budget and notifies the tipster.
   */
  async approve(viewer: Viewer, id: string, reason: string | null): Promise<RewardView> {
    await this.records.get(viewer, id);
    const committed = await this.db.transaction(async (tx) => {
      const reward = await this.lock(tx, id);
      if (reward.state !== 'PROPOSED') throw Conflict('WRONG_STATE', `A ${reward.state} reward cannot be approved`);
      const amountFen = Number(reward.amount_fen);
      const step = approvalStep(viewer, reward, amountFen);
      if (step === 'OFFICER_FIRST') {
        await tx.query(`UPDATE rewards SET officer_approved_by = $2, officer_approved_name = $3, officer_approved_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [id, viewer.id, viewer.displayName]);
        await appendHistory(tx, { ticketId: reward.ticket_id, actor: actorOf(viewer), action: 'REWARD_OFFICER_APPROVED', reason, data: { rewardId: id, amountFen, awaiting: 'FINANCE' } });
        return false;
      }
      await this.commitAndNotify(tx, viewer, reward, amountFen, step === 'FINANCE', reason);
      return true;
    });
    if (committed) await this.notices.sendFor(id).catch((error) => this.logger.warn({ err: error, rewardId: id }, 'reward notice not sent now; the sweep retries'));
    return this.records.get(viewer, id);
  }

  async reject(viewer: Viewer, id: string, reason: string, exclusion: RewardExclusion | null): Promise<RewardView> {
    await this.records.get(viewer, id);
    await this.db.transaction(async (tx) => {
      const reward = await this.lock(tx, id);
      if (!canMoveReward(reward.state, 'REJECTED')) throw Conflict('WRONG_STATE', `A ${reward.state} reward cannot be rejected`);
      if (!hasRole(viewer, 'REWARD_OFFICER') && reward.state !== 'PROPOSED') throw Forbidden('Only a reward officer may withdraw an approved reward');
      if (reward.state !== 'PROPOSED') await this.ledger.close(tx, 'REVERSAL', id, actorOf(viewer), reason);
      await this.move(tx, id, 'REJECTED', { rejected_at: new Date(), reject_reason: reason, exclusion });
      await appendHistory(tx, { ticketId: reward.ticket_id, actor: actorOf(viewer), action: 'REWARD_REJECTED', reason, data: { rewardId: id, from: reward.state, exclusion } });
    });
    return this.records.get(viewer, id);
  }

  async pay(viewer: Viewer, id: string, voucherNumber: string): Promise<RewardView> {
    if (!hasRole(viewer, 'REWARD_OFFICER')) throw Forbidden('Only a reward officer records payouts');
    await this.records.get(viewer, id);
    await this.db.transaction(async (tx) => {
      const reward = await this.lock(tx, id);
      if (reward.state !== 'CLAIMED') throw Conflict('WRONG_STATE', `A ${reward.state} reward cannot be paid; the tipster claims it first`);
      await this.ledger.close(tx, 'PAYOUT', id, actorOf(viewer), voucherNumber);
      await this.move(tx, id, 'PAID', { paid_at: new Date(), voucher_number: voucherNumber });
      await appendHistory(tx, { ticketId: reward.ticket_id, actor: actorOf(viewer), action: 'REWARD_PAID', data: { rewardId: id, voucherNumber, amountFen: Number(reward.amount_fen) } });
    });
    return this.records.get(viewer, id);
  }

  /** The tipster's claim with a payout account (sealed); only a NOTIFIED reward within its claim period. */
  async claim(ticketId: string, payout: Payout): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [reward]: LockedReward[] = await tx.query(`SELECT id, ticket_id, state, amount_fen, department, officer_approved_by, claim_by FROM rewards WHERE ticket_id = $1 FOR UPDATE`, [ticketId]);
      const open = reward && reward.state === 'NOTIFIED' && reward.claim_by !== null && reward.claim_by.getTime() >= Date.now();
      if (!open) throw new DomainError('NO_REWARD_TO_CLAIM', '目前没有可以领取的奖励', 409);
      await this.move(tx, reward.id, 'CLAIMED', { claimed_at: new Date(), payout_secret: this.cipher.encryptJson(payout) });
      await appendHistory(tx, { ticketId, actor: TIPSTER, action: 'REWARD_CLAIMED', data: { rewardId: reward.id } });
    });
  }

  /** The tipster's identity (named tipsters only) and payout account, for the reward officer at payout; recorded. */
  async revealPayee(viewer: Viewer, id: string, reason: string) {
    if (!hasRole(viewer, 'REWARD_OFFICER')) throw Forbidden('Only a reward officer may see who is paid');
    const view = await this.records.get(viewer, id);
    if (!['CLAIMED', 'PAID'].includes(view.state)) throw Conflict('WRONG_STATE', 'The payee is shown only once the tipster has claimed the reward');
    const [row]: Array<{ reporter_anonymous: boolean; reporter_secret: string | null; payout_secret: string | null }> = await this.db.query(
      `SELECT t.reporter_anonymous, t.reporter_secret, r.payout_secret FROM rewards r JOIN tickets t ON t.id = r.ticket_id WHERE r.id = $1`,
      [id],
    );
    if (!row) throw NotFound('Reward not found');
    // an anonymous tipster's contact is for the notifier only; they identify themselves with the payout
    const secret = !row.reporter_anonymous && row.reporter_secret ? this.cipher.decryptJson<ReporterSecret>(row.reporter_secret) : null;
    const reporter = secret ? { anonymous: false, name: secret.name, phone: secret.phoneE164 ?? secret.phone, idNumber: secret.idNumber } : null;
    const payout = row.payout_secret ? this.cipher.decryptJson<Payout>(row.payout_secret) : null;
    await this.db.transaction(async (tx) => {
      const fields = [...(reporter ? ['name', 'phone', 'idNumber'] : []), ...(payout ? ['payout'] : [])];
      await tx.query(`INSERT INTO pii_reveals (ticket_id, user_id, fields, reason) VALUES ($1, $2, $3, $4)`, [view.ticketId, viewer.id, fields, reason]);
      await appendHistory(tx, { ticketId: view.ticketId, actor: actorOf(viewer), action: 'PAYEE_REVEALED', reason, data: { rewardId: id, fields } });
    });
    return { reporter, payout };
  }

  /** Rewards notified and not claimed by their claim date: EXPIRED, their commitment released. */
  async expireDue(now: Date = new Date()): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due: Array<{ id: string; ticket_id: string; claim_by: Date }> = await tx.query(
        `SELECT id, ticket_id, claim_by FROM rewards WHERE state = 'NOTIFIED' AND claim_by < $1 ORDER BY claim_by LIMIT 500 FOR UPDATE SKIP LOCKED`,
        [now],
      );
      for (const r of due) {
        await this.ledger.close(tx, 'EXPIRY_RELEASE', r.id, { id: null, name: 'system' }, `逾期未领取（领取期限 ${beijingDate(r.claim_by)}）`);
        await this.move(tx, r.id, 'EXPIRED', { expired_at: now });
        await appendHistory(tx, { ticketId: r.ticket_id, actor: { id: null, name: 'system' }, action: 'REWARD_EXPIRED', data: { rewardId: r.id, claimBy: r.claim_by.toISOString() } });
      }
      return due.length;
    });
  }

  private async commitAndNotify(tx: EntityManager, viewer: Viewer, reward: LockedReward, amountFen: number, byFinance: boolean, reason: string | null): Promise<void> {
    const now = new Date();
    const year = Number(beijingDate(now).slice(0, 4));
    await this.ledger.commit(tx, reward.department, year, reward.id, amountFen, actorOf(viewer));
    const approver = byFinance
      ? { finance_approved_by: viewer.id, finance_approved_name: viewer.displayName, finance_approved_at: now }
      : { officer_approved_by: viewer.id, officer_approved_name: viewer.displayName, officer_approved_at: now };
    await this.move(tx, reward.id, 'APPROVED', { ...approver, budget_year: year });
    await appendHistory(tx, { ticketId: reward.ticket_id, actor: actorOf(viewer), action: 'REWARD_APPROVED', reason, data: { rewardId: reward.id, amountFen, budgetYear: year, by: byFinance ? 'FINANCE' : 'REWARD_OFFICER' } });
    const claimBy = (await this.holidays.current(tx)).addWorkingDays(now, REWARD_CLOCKS.claimWorkingDays).at;
    await this.move(tx, reward.id, 'NOTIFIED', { notified_at: now, claim_by: claimBy });
    await appendHistory(tx, { ticketId: reward.ticket_id, actor: { id: null, name: 'system' }, action: 'REWARD_NOTIFIED', data: { rewardId: reward.id, claimBy: claimBy.toISOString() } });
  }

  private async lock(tx: EntityManager, id: string): Promise<LockedReward> {
    const [reward]: LockedReward[] = await tx.query(`SELECT id, ticket_id, state, amount_fen, department, officer_approved_by, claim_by FROM rewards WHERE id = $1 FOR UPDATE`, [id]);
    if (!reward) throw NotFound('Reward not found');
    return reward;
  }

  /** A state change the reward state machine allows, with its columns. */
  private async move(tx: EntityManager, id: string, to: RewardState, set: Record<string, unknown>): Promise<void> {
    const [current]: Array<{ state: RewardState }> = await tx.query(`SELECT state FROM rewards WHERE id = $1`, [id]);
    if (!canMoveReward(current.state, to)) throw Conflict('WRONG_STATE', `A ${current.state} reward cannot become ${to}`);
    const columns = Object.keys(set);
    const assignments = columns.map((c, i) => `${c} = $${i + 3}`);
    await tx.query(`UPDATE rewards SET state = $2, ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, [id, to, ...columns.map((c) => set[c])]);
  }

  private async matterOf(tx: EntityManager, ticketId: string): Promise<{ tickets: MatterTicket[]; department: string }> {
    const rows: Array<{ id: string; kind: string; received_at: Date; lead_unit: string | null; routing: { leadDepartment?: string } | null }> = await tx.query(
      `SELECT id, kind, received_at, lead_unit, routing FROM tickets WHERE id = $1 OR duplicate_of = $1`,
      [ticketId],
    );
    const master = rows.find((r) => r.id === ticketId);
    if (!master) throw NotFound('Ticket not found');
    const department = master.routing?.leadDepartment ?? (master.lead_unit ? parseUnitCode(master.lead_unit)?.department : undefined);
    if (!department) throw Conflict('NO_LEAD_UNIT', 'A reward needs the ticket’s lead department');
    return { tickets: rows.map((r) => ({ id: r.id, kind: r.kind, receivedAt: r.received_at, master: r.id === ticketId })), department };
  }
}

type ApprovalStep = 'OFFICER_FIRST' | 'OFFICER_FINAL' | 'FINANCE';

/** Who approves what: the officer alone below ¥500,000; from it, the officer and then FINANCE, two different people. */
function approvalStep(viewer: Viewer, reward: LockedReward, amountFen: number): ApprovalStep {
  const officer = hasRole(viewer, 'REWARD_OFFICER');
  const finance = hasRole(viewer, 'FINANCE');
  if (!needsFinanceApproval(amountFen)) {
    if (!officer) throw Forbidden('Rewards under ¥500,000 are approved by a reward officer');
    return 'OFFICER_FINAL';
  }
  if (!reward.officer_approved_by) {
    if (!officer) throw Forbidden('A reward officer approves first; FINANCE approves after');
    return 'OFFICER_FIRST';
  }
  if (!finance) throw Conflict('AWAITING_FINANCE', 'The reward officer has approved; FINANCE must approve too');
  if (reward.officer_approved_by === viewer.id) throw Conflict('SAME_APPROVER', 'The second approval must come from another person');
  return 'FINANCE';
}
