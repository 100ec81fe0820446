import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PublicBlacklistEntry, PublicPage, PublicPenalty } from '@hub/contracts';
import { Invalid } from '@hub/core';
import { containsPattern } from './credit-records.service';

export const PUBLIC_PAGE_SIZE = 20;
const USCC_QUERY = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export type { PublicBlacklistEntry, PublicPenalty };
export type Page<T> = PublicPage<T>;

/**
 * The public disclosure (contracts.md): penalised cases and the blacklist, newest first,
 * keyset-paged. Only subject and decision columns are read: no reporter data can leak.
 */
@Injectable()
export class PublicRecords {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async penalties(q: string | undefined, cursor: string | undefined): Promise<Page<PublicPenalty>> {
    const after = decodeCursor(cursor);
    const filter = searchFilter(q, 'c.uscc', 'c.subject_name', 4);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT c.ticket_id, c.subject_name, c.uscc, c.violation, c.penalties, c.fine_fen, c.confiscation_fen, c.unit_name, c.decision_number, c.decided_at
       FROM credit_cases c
       WHERE c.outcome = 'PENALIZED' AND ($1::timestamptz IS NULL OR (c.decided_at, c.ticket_id) < ($1, $2::uuid)) ${filter.sql}
       ORDER BY c.decided_at DESC, c.ticket_id DESC LIMIT $3`,
      [after?.at ?? null, after?.id ?? null, PUBLIC_PAGE_SIZE + 1, ...filter.params],
    );
    return page(rows, (r) => encodeCursor(r.decided_at as Date, r.ticket_id as string), (r) => ({
      subjectName: r.subject_name as string,
      uscc: r.uscc as string | null,
      violation: r.violation as string | null,
      penalties: r.penalties as string[],
      fineFen: Number(r.fine_fen),
      confiscationFen: Number(r.confiscation_fen),
      unitName: r.unit_name as string,
      decisionNumber: r.decision_number as string | null,
      decidedAt: (r.decided_at as Date).toISOString(),
    }));
  }

  async blacklist(q: string | undefined, cursor: string | undefined): Promise<Page<PublicBlacklistEntry>> {
    const after = decodeCursor(cursor);
    const filter = searchFilter(q, 's.uscc', 's.subject_name', 4);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT s.id, s.subject_name, s.uscc, s.region_code, s.listed_at, s.listed_reason
       FROM credit_subjects s
       WHERE s.blacklisted AND ($1::timestamptz IS NULL OR (s.listed_at, s.id) < ($1, $2::uuid)) ${filter.sql}
       ORDER BY s.listed_at DESC, s.id DESC LIMIT $3`,
      [after?.at ?? null, after?.id ?? null, PUBLIC_PAGE_SIZE + 1, ...filter.params],
    );
    return page(rows, (r) => encodeCursor(r.listed_at as Date, r.id as string), (r) => ({
      subjectName: r.subject_name as string,
      uscc: r.uscc as string | null,
      regionCode: r.region_code as string,
      listedAt: (r.listed_at as Date).toISOString(),
      reason: r.listed_reason as string | null,
    }));
  }
}

/** q is a USCC (exact) or a fragment of the subject's name (substring, wildcards literal). */
function searchFilter(q: string | undefined, usccColumn: string, nameColumn: string, firstParam: number) {
  const text = (q ?? '').trim();
  if (!text) return { sql: '', params: [] as unknown[] };
  if (text.length > 100) throw Invalid('The search is too long', [{ field: 'q', message: 'at most 100 characters' }]);
  if (USCC_QUERY.test(text.toUpperCase())) return { sql: `AND ${usccColumn} = $${firstParam}`, params: [text.toUpperCase()] };
  return { sql: `AND ${nameColumn} LIKE $${firstParam} ESCAPE '\\'`, params: [containsPattern(text)] };
}

function page<T>(rows: Array<Record<string, unknown>>, cursorOf: (r: Record<string, unknown>) => string, view: (r: Record<string, unknown>) => T): Page<T> {
  const more = rows.length > PUBLIC_PAGE_SIZE;
  const items = rows.slice(0, PUBLIC_PAGE_SIZE);
  return { items: items.map(view), nextCursor: more ? cursorOf(items[items.length - 1]) : null };
}

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const when = new Date(at ?? '');
  if (Number.isNaN(when.getTime()) || !/^[0-9a-f-]{36}$/i.test(id ?? '')) throw Invalid('Unknown cursor', [{ field: 'cursor', message: 'use nextCursor of the previous page' }]);
  return { at: when, id };
}
