import type { UnitAssessmentRow } from '@hub/contracts';

/** A cell as text a spreadsheet will not run: quoted, and a leading = + - @ made literal. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const rate = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/** The assessment table as CSV (UTF-8 with a BOM, so spreadsheet programs read the Chinese names). */
export function assessmentCsv(rows: UnitAssessmentRow[], header: string[], unitName: (code: string) => string): string {
  const lines = rows.map((r) =>
    [
      r.rank, unitName(r.unit), r.unit, r.scored ? r.score : null, r.dispatched, r.accepted, r.acceptedOnTime, r.acceptMissed, rate(r.acceptOnTimeRate), r.closed, r.closedOnTime,
      r.closeMissed, rate(r.closeOnTimeRate), r.returned, rate(r.returnRate), r.reopened, rate(r.reopenRate), rate(r.satisfaction),
    ].map(cell).join(','),
  );
  return `\uFEFF${[header.map(cell).join(','), ...lines].join('\r\n')}\r\n`;
}

export const CSV_COLUMNS = [
  'rank', 'unitName', 'unit', 'score', 'dispatched', 'accepted', 'acceptedOnTime', 'acceptMissed', 'acceptOnTimeRate%', 'closed', 'closedOnTime',
  'closeMissed', 'closeOnTimeRate%', 'returned', 'returnRate%', 'reopened', 'reopenRate%', 'satisfaction%',
] as const;
