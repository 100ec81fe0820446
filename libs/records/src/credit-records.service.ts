import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '@hub/auth/roles';
import { Conflict, NotFound, TimeSource } from '@hub/core';
import { parseUnitCode, unitName, VIOLATIONS } from '@hub/taxonomy';
import type { CaseClosedEvent } from '@hub/cases/case-closed.hooks';
import { Actor, appendHistory, IntakeSubject, TicketsService } from '@hub/tickets';
import { LISTING_REASON_TEXT, listingReason, RecordedCase, repeatOffenderPriority, subjectKey, yearsBefore } from './credit-rules';
import { CreditRecordView, CreditSubjectsPage, SubjectRow, toSubjectView } from './credit-record.view';
import { decodeCursor, encodeCursor } from './public-records.service';

const RECORDED_OUTCOMES = new Set(['PENALIZED', 'TRANSFERRED']);
const SYSTEM: Actor = { id: null, name: 'system' };
/** Subjects per page of the staff search. */
const SUBJECT_PAGE_SIZE = 20;

interface ClosedTicketRow {
  subject_name: string | null;
  subject_name_norm: string | null;
  subject_uscc: string | null;
  subject_uscc_valid: boolean | null;
  region_code: string;
  violation: string | null;
}

/** The subject's identity as stored: the record matches a ticket by USCC, or by normalised name and region. */
const SUBJECT_MATCH = `(s.uscc = $1 OR (s.name_norm = $2 AND s.region_code = $3))`;

/**
 * Credit records (诚信档案): every PENALIZED or TRANSFERRED close adds to its subject's
 * record in the closing transaction, which also lists the subject when the rules say so;
 * ADMINs list and delist with a reason; a sweep delists after 3 years without a case.
 */
@Injectable()
export class CreditRecords {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
    private readonly time: TimeSource,
  ) {}

  async recordCase(tx: EntityManager, event: CaseClosedEvent): Promise<void> {
    if (!RECORDED_OUTCOMES.has(event.outcome)) return;
    const [t]: ClosedTicketRow[] = await tx.query(
      `SELECT subject_name, subject_name_norm, subject_uscc, subject_uscc_valid, region_code, classification->>'violation' AS violation FROM tickets WHERE id = $1`,
      [event.ticketId],
    );
    const key = subjectKey({ uscc: t.subject_uscc, usccValid: t.subject_uscc_valid, nameNorm: t.subject_name_norm, regionCode: t.region_code });
    if (!key) return;
    const uscc = key.startsWith('uscc:') ? t.subject_uscc : null;
    const name = t.subject_name ?? t.subject_name_norm ?? '';
    const [subject]: Array<{ id: string; blacklisted: boolean }> = await tx.query(
      `INSERT INTO credit_subjects (subject_key, subject_name, name_norm, uscc, region_code, last_case_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (subject_key) DO UPDATE SET subject_name = EXCLUDED.subject_name, name_norm = COALESCE(EXCLUDED.name_norm, credit_subjects.name_norm),
         last_case_at = GREATEST(credit_subjects.last_case_at, EXCLUDED.last_case_at), updated_at = now()
       RETURNING id, blacklisted`,
      [key, name, t.subject_name_norm, uscc, t.region_code, event.closedAt],
    );
    const unit = parseUnitCode(event.leadUnit);
    const added: unknown[] = await tx.query(
      `INSERT INTO credit_cases (ticket_id, subject_id, outcome, subject_name, uscc, violation, penalties, fine_fen, confiscation_fen, unit_code, unit_name, decision_number, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id`,
      [
        event.ticketId, subject.id, event.outcome, name, uscc, violationName(t.violation), event.penalties, event.fineFen, event.confiscationFen,
        event.leadUnit, unit ? unitName(unit.department, unit.region) : event.leadUnit, event.decisionNumber, event.closedAt,
      ],
    );
    if (added.length === 0) return;
    await this.writeHistory(tx, subject.id, event.ticketId, 'CASE_ADDED', null, event.actor, event.closedAt, { outcome: event.outcome });
    const listed = subject.blacklisted ? null : await this.listIfDue(tx, subject.id, event);
    await appendHistory(tx, {
      ticketId: event.ticketId,
      actor: event.actor,
      action: 'CREDIT_RECORDED',
      reason: listed ? `列入黑名单：${listed}` : null,
      data: { subjectId: subject.id, outcome: event.outcome, blacklisted: subject.blacklisted || listed !== null },
    });
  }

  /** One indexed lookup for the intake: REPEAT_OFFENDER and a higher priority when the subject has a record. */
  async markFor(tx: EntityManager, subject: IntakeSubject) {
    if (!subject.uscc && !subject.nameNorm) return null;
    const rows: Array<{ blacklisted: boolean }> = await tx.query(
      `SELECT s.blacklisted FROM credit_subjects s WHERE ${SUBJECT_MATCH} ORDER BY s.blacklisted DESC LIMIT 1`,
      [subject.uscc, subject.nameNorm, subject.regionCode],
    );
    return rows[0] ? { flags: ['REPEAT_OFFENDER'], priority: repeatOffenderPriority(rows[0].blacklisted) } : null;
  }

  /** `markFor` for a batch of new tickets, one statement: the same lookup per subject, answers in order. */
  async markMany(tx: EntityManager, subjects: IntakeSubject[]) {
    const looked = subjects.map((s) => Boolean(s.uscc || s.nameNorm));
    if (!looked.some(Boolean)) return subjects.map(() => null);
    const rows: Array<{ i: string; blacklisted: boolean | null }> = await tx.query(
      `SELECT k.i, (SELECT s.blacklisted FROM credit_subjects s WHERE (s.uscc = k.uscc OR (s.name_norm = k.name_norm AND s.region_code = k.region_code)) ORDER BY s.blacklisted DESC LIMIT 1) AS blacklisted
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS k(uscc, name_norm, region_code, i)`,
      [subjects.map((s) => s.uscc), subjects.map((s) => s.nameNorm), subjects.map((s) => s.regionCode)],
    );
    const found = new Map(rows.map((r) => [Number(r.i) - 1, r.blacklisted]));
    return subjects.map((_, i) => {
      const blacklisted = looked[i] ? found.get(i) : null;
      return blacklisted === null || blacklisted === undefined ? null : { flags: ['REPEAT_OFFENDER'], priority: repeatOffenderPriority(blacklisted) };
    });
  }

  /** The record of the subject a ticket names, for staff who may see the ticket (null subject when there is none). */
  async forTicket(viewer: Viewer, ticketId: string): Promise<CreditRecordView> {
    await this.tickets.assertVisible(viewer, ticketId);
    const [t]: ClosedTicketRow[] = await this.db.query(`SELECT subject_name_norm, subject_uscc, region_code FROM tickets WHERE id = $1`, [ticketId]);
    if (!t.subject_uscc && !t.subject_name_norm) return { subject: null, cases: [], history: [] };
    const rows: SubjectRow[] = await this.db.query(
      `SELECT s.* FROM credit_subjects s WHERE ${SUBJECT_MATCH} ORDER BY s.blacklisted DESC, s.last_case_at DESC LIMIT 1`,
      [t.subject_uscc, t.subject_name_norm, t.region_code],
    );
    return rows[0] ? this.recordOf(rows[0]) : { subject: null, cases: [], history: [] };
  }

  async subject(id: string): Promise<CreditRecordView> {
    return this.recordOf(await this.subjectRow(this.db.manager, id));
  }

  /**
   * Staff search by a name fragment or a USCC, newest case first, a page at a time;
   * `blacklisted` narrows to subjects on (true) or off (false) the blacklist.
   */
  async search(query: { q?: string; blacklisted?: boolean; cursor?: string }): Promise<CreditSubjectsPage> {
    const text = (query.q ?? '').trim();
    const after = decodeCursor(query.cursor);
    const rows: SubjectRow[] = await this.db.query(
      `SELECT s.* FROM credit_subjects s
       WHERE ($1 = '' OR s.uscc = upper($1) OR s.subject_name LIKE $2 ESCAPE '\\')
         AND ($3::boolean IS NULL OR s.blacklisted = $3)
         AND ($4::timestamptz IS NULL OR (s.last_case_at, s.id) < ($4::timestamptz, $5::uuid))
       ORDER BY s.last_case_at DESC, s.id DESC LIMIT ${SUBJECT_PAGE_SIZE + 1}`,
      [text, containsPattern(text), query.blacklisted ?? null, after?.at ?? null, after?.id ?? null],
    );
    const items = rows.slice(0, SUBJECT_PAGE_SIZE);
    const last = items[items.length - 1];
    return { items: items.map(toSubjectView), nextCursor: rows.length > SUBJECT_PAGE_SIZE ? encodeCursor(last.last_case_at, last.id) : null };
  }

  async adminList(viewer: Viewer, id: string, reason: string): Promise<CreditRecordView> {
    const now = this.time.now();
    await this.db.transaction(async (tx) => {
      const subject = await this.subjectRow(tx, id, true);
      if (subject.blacklisted) throw Conflict('ALREADY_LISTED', 'The subject is on the blacklist already');
      await tx.query(`UPDATE credit_subjects SET blacklisted = true, listed_at = $2, listed_reason = $3, delisted_at = NULL, delisted_reason = NULL, updated_at = now() WHERE id = $1`, [id, now, reason]);
      await this.writeHistory(tx, id, null, 'LISTED', reason, actorOf(viewer), now, { by: 'ADMIN' });
    });
    return this.subject(id);
  }

  async adminDelist(viewer: Viewer, id: string, reason: string): Promise<CreditRecordView> {
    const now = this.time.now();
    await this.db.transaction(async (tx) => {
      const subject = await this.subjectRow(tx, id, true);
      if (!subject.blacklisted) throw Conflict('NOT_LISTED', 'The subject is not on the blacklist');
      await tx.query(`UPDATE credit_subjects SET blacklisted = false, delisted_at = $2, delisted_reason = $3, updated_at = now() WHERE id = $1`, [id, now, reason]);
      await this.writeHistory(tx, id, null, 'DELISTED', reason, actorOf(viewer), now, { by: 'ADMIN' });
    });
    return this.subject(id);
  }

  /**
   * Takes off the blacklist every subject 3 years past its last case (or its listing);
   * derived from PostgreSQL in one statement, so a repeated or overlapping sweep changes nothing twice.
   */
  async delistDue(): Promise<number> {
    const now = this.time.now();
    const rows: unknown[] = await this.db.query(
      `WITH due AS (
         UPDATE credit_subjects SET blacklisted = false, delisted_at = $1, delisted_reason = $3, updated_at = now()
         WHERE blacklisted AND GREATEST(last_case_at, listed_at) <= $2 RETURNING id
       )
       INSERT INTO credit_record_history (subject_id, action, reason, actor_name, at, data)
       SELECT id, 'DELISTED', $3, 'system', $1, '{"by":"RULE"}'::jsonb FROM due RETURNING id`,
      [now, yearsBefore(now), '3年内无新的违法案件，自动移出'],
    );
    return rows.length;
  }

  private async listIfDue(tx: EntityManager, subjectId: string, event: CaseClosedEvent): Promise<string | null> {
    const rows: Array<{ outcome: RecordedCase['outcome']; fine_fen: string; penalties: string[]; decided_at: Date }> = await tx.query(
      `SELECT outcome, fine_fen, penalties, decided_at FROM credit_cases WHERE subject_id = $1 AND decided_at > $2`,
      [subjectId, yearsBefore(event.closedAt)],
    );
    const reason = listingReason(rows.map((r) => ({ outcome: r.outcome, fineFen: Number(r.fine_fen), penalties: r.penalties, decidedAt: r.decided_at })), event.closedAt);
    if (!reason) return null;
    const text = LISTING_REASON_TEXT[reason];
    await tx.query(`UPDATE credit_subjects SET blacklisted = true, listed_at = $2, listed_reason = $3, delisted_at = NULL, delisted_reason = NULL, updated_at = now() WHERE id = $1`, [subjectId, event.closedAt, text]);
    await this.writeHistory(tx, subjectId, event.ticketId, 'LISTED', text, SYSTEM, event.closedAt, { by: 'RULE', rule: reason });
    return text;
  }

  private async subjectRow(manager: EntityManager, id: string, lock = false): Promise<SubjectRow> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw NotFound('Subject not found');
    const rows: SubjectRow[] = await manager.query(`SELECT s.* FROM credit_subjects s WHERE s.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    if (!rows[0]) throw NotFound('Subject not found');
    return rows[0];
  }

  private async recordOf(row: SubjectRow): Promise<CreditRecordView> {
    const [cases, history] = await Promise.all([
      this.db.query(
        `SELECT ticket_id, outcome, violation, penalties, fine_fen, confiscation_fen, unit_name, decision_number, decided_at FROM credit_cases WHERE subject_id = $1 ORDER BY decided_at DESC LIMIT 50`,
        [row.id],
      ),
      this.db.query(`SELECT ticket_id, action, reason, actor_name, at FROM credit_record_history WHERE subject_id = $1 ORDER BY id DESC LIMIT 50`, [row.id]),
    ]);
    return {
      subject: toSubjectView(row),
      cases: cases.map((c: Record<string, unknown>) => ({
        ticketId: c.ticket_id as string,
        outcome: c.outcome as string,
        violation: c.violation as string | null,
        penalties: c.penalties as string[],
        fineFen: Number(c.fine_fen),
        confiscationFen: Number(c.confiscation_fen),
        unitName: c.unit_name as string,
        decisionNumber: c.decision_number as string | null,
        decidedAt: (c.decided_at as Date).toISOString(),
      })),
      history: history.map((h: Record<string, unknown>) => ({
        ticketId: h.ticket_id as string | null,
        action: h.action as string,
        reason: h.reason as string | null,
        actorName: h.actor_name as string,
        at: (h.at as Date).toISOString(),
      })),
    };
  }

  private async writeHistory(tx: EntityManager, subjectId: string, ticketId: string | null, action: string, reason: string | null, actor: Actor, at: Date, data: Record<string, unknown>) {
    await tx.query(
      `INSERT INTO credit_record_history (subject_id, ticket_id, action, reason, actor_id, actor_name, at, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
      [subjectId, ticketId, action, reason, actor.id, actor.name, at, JSON.stringify(data)],
    );
  }
}

const actorOf = (viewer: Viewer): Actor => ({ id: viewer.id, name: viewer.displayName });

function violationName(code: string | null): string | null {
  if (!code) return null;
  return (VIOLATIONS as Record<string, string>)[code] ?? code;
}

/** A LIKE pattern matching `text` anywhere, with the wildcards in it taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
