import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseAction, ClosureView, ERROR_CODES, Outcome, PauseView, RewardLevel, TicketWithClaim } from '@hub/contracts';
import { Conflict, DomainError, Forbidden, Invalid, TimeSource } from '@hub/core';
import type { Viewer } from '@hub/auth/roles';
import { NOTIFIER, Notifier } from '@hub/notifications/notifier';
import { parseUnitCode, unitExists, unitFor } from '@hub/taxonomy';
import { CaseFile, CLOCK_SPECS, LockedTicket, MovePlan, TicketClocks, TicketsService, TicketTransitions } from '@hub/tickets';
import { AssistDto, ApproveTransferDto, CloseDto, FileCaseDto, PauseDto, PoliceDecisionDto, ReasonDto, VersionDto } from './case-actions.dto';
import { CaseClosedHooks } from './case-closed.hooks';
import { CaseMove, CaseState, judgeMove } from './case-lifecycle';

type Transfer = NonNullable<CaseFile['transfer']>;

interface Step {
  move: CaseMove;
  version: number;
  /** the columns and history of the move, on the locked ticket */
  plan: (t: LockedTicket, now: Date) => Omit<MovePlan, 'to'>;
  /** clocks, notices and hooks, in the same transaction */
  after?: (tx: EntityManager, t: LockedTicket, now: Date) => Promise<void>;
}

const actorOf = (viewer: Viewer) => ({ id: viewer.id, name: viewer.displayName });

export function caseStateOf(t: LockedTicket): CaseState {
  const transfer = t.caseFile.transfer as Transfer | undefined;
  return {
    status: t.status,
    kind: t.kind,
    leadUnit: t.leadUnit,
    policeUnit: t.policeUnit,
    paused: t.pausedAt !== null,
    transferState: t.transferState,
    reconsiderationUsed: transfer?.reconsiderationRequested ?? false,
    policeExtended: transfer?.extended ?? false,
  };
}

/**
 * The unit's and the police's moves on a ticket (contracts.md "Case handling"): each is
 * judged by the case lifecycle on the locked ticket and written through TicketTransitions
 * (version check, history, live event), with its clocks, notices and hooks in one transaction.
 */
@Injectable()
export class CaseActions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: TicketTransitions,
    private readonly tickets: TicketsService,
    private readonly clocks: TicketClocks,
    private readonly hooks: CaseClosedHooks,
    private readonly time: TimeSource,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  accept(viewer: Viewer, id: string, dto: VersionDto) {
    return this.run(viewer, id, {
      move: { action: 'accept' },
      version: dto.version,
      plan: (_, now) => ({ set: { accepted_at: now } }),
      after: async (tx, t, now) => {
        // a report's first clock runs on until the case is filed or closed
        if (t.kind !== 'REPORT') await this.clocks.stop(tx, t.id, ['acceptBy'], now);
        if (t.kind === 'COMPLAINT') await this.clocks.start(tx, t.id, CLOCK_SPECS.resolveComplaint, now);
      },
    });
  }

  return(viewer: Viewer, id: string, dto: ReasonDto) {
    return this.run(viewer, id, {
      move: { action: 'return' },
      version: dto.version,
      plan: () => ({ reason: dto.reason }),
      after: (tx, t, now) => this.clocks.stopAll(tx, t.id, now),
    });
  }

  assist(viewer: Viewer, id: string, dto: AssistDto) {
    return this.run(viewer, id, {
      move: { action: 'assist' },
      version: dto.version,
      plan: (t) => {
        const unit = parseUnitCode(dto.unit);
        if (!unit || !unitExists(unit.department, unit.region) || unit.department === 'POLICE') {
          throw Invalid('Unknown unit', [{ field: 'unit', message: `${dto.unit} is not a unit that can assist (police get a transfer instead)` }]);
        }
        if (dto.unit === t.leadUnit || t.assistUnits.includes(dto.unit)) throw Conflict(ERROR_CODES.INVALID_TRANSITION, `${dto.unit} already works on this ticket`);
        return { set: { assist_units: [...t.assistUnits, dto.unit] }, reason: dto.note, data: { unit: dto.unit } };
      },
    });
  }

  fileCase(viewer: Viewer, id: string, dto: FileCaseDto) {
    return this.run(viewer, id, {
      move: { action: 'file-case' },
      version: dto.version,
      plan: (_, now) => ({ set: { case_number: dto.caseNumber, case_filed_at: now }, data: { caseNumber: dto.caseNumber } }),
      after: async (tx, t, now) => {
        await this.clocks.stop(tx, t.id, ['acceptBy'], now);
        if (t.kind === 'REPORT') await this.clocks.start(tx, t.id, CLOCK_SPECS.resolveReport, now);
      },
    });
  }

  pause(viewer: Viewer, id: string, dto: PauseDto) {
    return this.run(viewer, id, {
      move: { action: 'pause' },
      version: dto.version,
      plan: (_, now) => ({ set: { paused_at: now, pause_reason: dto.reason }, data: { reason: dto.reason } }),
      after: (tx, t, now) => this.clocks.pause(tx, t.id, now),
    });
  }

  resume(viewer: Viewer, id: string, dto: VersionDto) {
    let workingDays = 0;
    return this.run(viewer, id, {
      move: { action: 'resume' },
      version: dto.version,
      plan: (t, now) => ({ set: this.endPause(t, now, () => workingDays) }),
      after: async (tx, t, now) => {
        workingDays = await this.clocks.resume(tx, t.id, now);
        await this.recordPauseDays(tx, t.id, workingDays);
      },
    });
  }

  close(viewer: Viewer, id: string, dto: CloseDto) {
    const closing = (t: LockedTicket, now: Date): ClosureView => ({
      outcome: dto.outcome,
      reason: dto.reason ?? null,
      decisionNumber: dto.decisionNumber ?? null,
      penalties: dto.penalties ?? [],
      fineFen: dto.fineFen ?? 0,
      confiscationFen: dto.confiscationFen ?? 0,
      rewardLevel: t.kind === 'REPORT' ? (dto.rewardLevel ?? null) : null,
      closedAt: now.toISOString(),
    });
    if (dto.outcome !== 'PENALIZED' && (dto.fineFen || dto.confiscationFen)) {
      throw Invalid('Fines and confiscations belong to a PENALIZED close', [{ field: 'fineFen', message: 'only with outcome PENALIZED' }]);
    }
    return this.run(viewer, id, {
      move: { action: 'close', outcome: dto.outcome },
      version: dto.version,
      plan: (t, now) => {
        const closure = closing(t, now);
        return {
          set: { ...this.closedColumns(t, now, closure), ...(t.pausedAt ? this.endPause(t, now, () => null) : {}) },
          reason: dto.reason ?? null,
          data: { outcome: dto.outcome, decisionNumber: closure.decisionNumber, fineFen: closure.fineFen, confiscationFen: closure.confiscationFen, rewardLevel: closure.rewardLevel },
        };
      },
      after: (tx, t, now) => this.afterClose(tx, viewer, t, now, dto.outcome, closing(t, now)),
    });
  }

  proposeTransfer(viewer: Viewer, id: string, dto: ReasonDto) {
    return this.run(viewer, id, {
      move: { action: 'transfer' },
      version: dto.version,
      plan: (t, now) => {
        const transfer: Transfer = {
          reason: dto.reason,
          proposedAt: now.toISOString(),
          proposedBy: viewer.displayName,
          approvedAt: null,
          refusedReason: null,
          extended: false,
          decision: null,
          decisionReason: null,
          decidedAt: null,
          reconsiderationRequested: false,
          rewardLevel: null,
        };
        return { set: { transfer_state: 'PROPOSED', case_file: { ...t.caseFile, transfer } }, reason: dto.reason };
      },
      after: async (tx, t, now) => {
        await this.clocks.start(tx, t.id, CLOCK_SPECS.transferDecision, now);
        await this.notifier.notify(tx, {
          kind: 'TRANSFER_PROPOSED',
          ticketId: t.id,
          trackingCode: t.trackingCode,
          title: `移送公安待审批 ${t.trackingCode}`,
          body: `${viewer.displayName} 提议移送公安：${dto.reason}（3 日内审批）`,
          to: [{ unit: t.leadUnit, roles: ['UNIT_HEAD'] }],
        });
      },
    });
  }

  approveTransfer(viewer: Viewer, id: string, dto: ApproveTransferDto) {
    let policeUnit = '';
    return this.run(viewer, id, {
      move: { action: 'transfer/approve' },
      version: dto.version,
      plan: (t, now) => {
        policeUnit = policeUnitFor(t);
        const transfer = { ...(t.caseFile.transfer as Transfer), approvedAt: now.toISOString(), rewardLevel: t.kind === 'REPORT' ? (dto.rewardLevel ?? null) : null };
        return {
          set: { transfer_state: 'WITH_POLICE', police_unit: policeUnit, case_file: { ...t.caseFile, transfer }, ...(t.pausedAt ? this.endPause(t, now, () => null) : {}) },
          data: { policeUnit, rewardLevel: transfer.rewardLevel },
        };
      },
      after: async (tx, t, now) => {
        await this.handToPolice(tx, t, now, policeUnit);
        await this.clocks.stop(tx, t.id, ['transferDecisionBy'], now);
      },
    });
  }

  refuseTransfer(viewer: Viewer, id: string, dto: ReasonDto) {
    return this.run(viewer, id, {
      move: { action: 'transfer/refuse' },
      version: dto.version,
      plan: (t) => ({ set: { transfer_state: 'REFUSED', case_file: { ...t.caseFile, transfer: { ...(t.caseFile.transfer as Transfer), refusedReason: dto.reason } } }, reason: dto.reason }),
      after: (tx, t, now) => this.clocks.stop(tx, t.id, ['transferDecisionBy'], now),
    });
  }

  decideTransfer(viewer: Viewer, id: string, dto: PoliceDecisionDto) {
    const accepted = dto.decision === 'ACCEPTED';
    return this.run(viewer, id, {
      move: { action: 'transfer/decide', decision: dto.decision },
      version: dto.version,
      plan: (t, now) => {
        const transfer: Transfer = { ...(t.caseFile.transfer as Transfer), decision: dto.decision, decisionReason: dto.reason, decidedAt: now.toISOString() };
        const file = { ...t.caseFile, transfer };
        const set = accepted ? this.closedColumns(t, now, policeClosure(transfer, dto.reason, now)) : {};
        return { set: { ...set, transfer_state: dto.decision, case_file: accepted ? { ...file, closure: policeClosure(transfer, dto.reason, now) } : file }, reason: dto.reason, data: { decision: dto.decision } };
      },
      after: async (tx, t, now) => {
        await this.clocks.stop(tx, t.id, ['policeDecisionBy', 'handOverBy'], now);
        if (accepted) {
          const transfer = t.caseFile.transfer as Transfer;
          await this.afterClose(tx, viewer, t, now, 'TRANSFERRED', policeClosure(transfer, dto.reason, now));
        } else {
          await this.clocks.resume(tx, t.id, now);
        }
        await this.notifier.notify(tx, {
          kind: 'TRANSFER_DECIDED',
          ticketId: t.id,
          trackingCode: t.trackingCode,
          title: `${accepted ? '公安已立案' : '公安不予立案'} ${t.trackingCode}`,
          body: dto.reason,
          data: { decision: dto.decision },
          to: [{ unit: t.leadUnit, roles: ['HANDLER', 'UNIT_HEAD'] }],
        });
      },
    });
  }

  extendPoliceDecision(viewer: Viewer, id: string, dto: ReasonDto) {
    return this.run(viewer, id, {
      move: { action: 'transfer/extend' },
      version: dto.version,
      plan: (t) => ({ set: { case_file: { ...t.caseFile, transfer: { ...(t.caseFile.transfer as Transfer), extended: true } } }, reason: dto.reason }),
      after: (tx, t) => this.clocks.lengthen(tx, t.id, CLOCK_SPECS.policeDecisionExtended),
    });
  }

  reconsider(viewer: Viewer, id: string, dto: ReasonDto) {
    return this.run(viewer, id, {
      move: { action: 'transfer/reconsider' },
      version: dto.version,
      plan: (t) => {
        const transfer: Transfer = { ...(t.caseFile.transfer as Transfer), reconsiderationRequested: true, decision: null, decisionReason: null, decidedAt: null };
        return { set: { transfer_state: 'WITH_POLICE', case_file: { ...t.caseFile, transfer } }, reason: dto.reason };
      },
      after: (tx, t, now) => this.handToPolice(tx, t, now, t.policeUnit as string),
    });
  }

  private async run(viewer: Viewer, id: string, step: Step): Promise<TicketWithClaim> {
    await this.tickets.assertVisible(viewer, id);
    await this.db.transaction(async (tx) => {
      const now = this.time.now();
      const { before } = await this.transitions.move(tx, id, {
        actor: actorOf(viewer),
        action: historyAction(step.move.action),
        expectedVersion: step.version,
        authorize: (t) => {
          const verdict = judgeMove(caseStateOf(t), viewer, step.move);
          if (!verdict.allowed && verdict.code === ERROR_CODES.FORBIDDEN) throw Forbidden(verdict.message);
        },
        plan: (t) => {
          const verdict = judgeMove(caseStateOf(t), viewer, step.move);
          if (!verdict.allowed) throw new DomainError(verdict.code, verdict.message, verdict.code === ERROR_CODES.FORBIDDEN ? 403 : 409);
          return { to: verdict.to, ...step.plan(t, now) };
        },
      });
      await step.after?.(tx, before, now);
    });
    return this.tickets.get(viewer, id);
  }

  /** The pause ends: the columns to clear and the pause added to the record (its working days are filled after the clocks moved). */
  private endPause(t: LockedTicket, now: Date, workingDays: () => number | null) {
    const pause: PauseView = { reason: t.pauseReason as PauseView['reason'], from: (t.pausedAt as Date).toISOString(), to: now.toISOString(), workingDays: workingDays() };
    return { paused_at: null, pause_reason: null, case_file: { ...t.caseFile, pauses: [...(t.caseFile.pauses as PauseView[] | undefined ?? []), pause] } };
  }

  private async recordPauseDays(tx: EntityManager, ticketId: string, workingDays: number): Promise<void> {
    await tx.query(
      `UPDATE tickets SET case_file = jsonb_set(case_file, ARRAY['pauses', (jsonb_array_length(case_file->'pauses') - 1)::text, 'workingDays'], to_jsonb($2::int)) WHERE id = $1`,
      [ticketId, workingDays],
    );
  }

  private closedColumns(t: LockedTicket, now: Date, closure: ClosureView) {
    return { outcome: closure.outcome, closed_at: now, case_file: { ...t.caseFile, closure } };
  }

  private async afterClose(tx: EntityManager, viewer: Viewer, t: LockedTicket, now: Date, outcome: Outcome, closure: ClosureView): Promise<void> {
    await this.clocks.stopAll(tx, t.id, now);
    await this.hooks.emit(tx, {
      ticketId: t.id,
      trackingCode: t.trackingCode,
      kind: t.kind,
      outcome,
      rewardLevel: closure.rewardLevel,
      fineFen: closure.fineFen,
      confiscationFen: closure.confiscationFen,
      leadUnit: t.leadUnit as string,
      department: (t.leadUnit as string).split('@')[0],
      closedAt: now,
      actor: actorOf(viewer),
    });
  }

  /** The case goes to the police unit: the unit's own clocks wait meanwhile; hand-over happens now; the police's clock starts. */
  private async handToPolice(tx: EntityManager, t: LockedTicket, now: Date, policeUnit: string): Promise<void> {
    await this.clocks.pause(tx, t.id, now);
    await this.clocks.start(tx, t.id, CLOCK_SPECS.handOver, now);
    await this.clocks.stop(tx, t.id, ['handOverBy'], now);
    await this.clocks.start(tx, t.id, CLOCK_SPECS.policeDecision, now);
    await this.notifier.notify(tx, {
      kind: 'TRANSFER_WITH_POLICE',
      ticketId: t.id,
      trackingCode: t.trackingCode,
      title: `涉嫌犯罪案件移送 ${t.trackingCode}`,
      body: `${t.leadUnit} 移送涉嫌犯罪案件，请于 3 日内决定是否立案`,
      to: [{ unit: policeUnit, roles: ['POLICE_LIAISON'] }],
    });
  }
}

/** The police unit of the lead unit's region (the province's where the region has none). */
function policeUnitFor(t: LockedTicket): string {
  const region = parseUnitCode(t.leadUnit ?? '')?.region ?? t.regionCode;
  return unitFor('POLICE', region);
}

function policeClosure(transfer: Transfer, reason: string, now: Date): ClosureView {
  return { outcome: 'TRANSFERRED', reason, decisionNumber: null, penalties: [], fineFen: 0, confiscationFen: 0, rewardLevel: transfer.rewardLevel as RewardLevel | null, closedAt: now.toISOString() };
}

const HISTORY_ACTIONS: Record<CaseAction, string> = {
  accept: 'ACCEPTED',
  return: 'RETURNED',
  assist: 'ASSIST_REQUESTED',
  'file-case': 'CASE_FILED',
  pause: 'PAUSED',
  resume: 'RESUMED',
  close: 'CLOSED',
  transfer: 'TRANSFER_PROPOSED',
  'transfer/approve': 'TRANSFER_APPROVED',
  'transfer/refuse': 'TRANSFER_REFUSED',
  'transfer/decide': 'POLICE_DECIDED',
  'transfer/extend': 'POLICE_EXTENDED',
  'transfer/reconsider': 'RECONSIDERATION_REQUESTED',
};
const historyAction = (action: CaseAction) => HISTORY_ACTIONS[action];

