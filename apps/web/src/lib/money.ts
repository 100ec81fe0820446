const YUAN = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Money from integer fen, shown as `¥5,000.00` (ui.md), in every language. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${YUAN.format(Math.trunc(abs / 100) + (abs % 100) / 100)}`;
}

/** Yuan as typed ("5000", "5,000.5", "12.34") to integer fen, without floating-point rounding; null when unreadable. */
export function yuanToFen(text: string): number | null {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，\s¥]/g, ''));
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Rewards of this amount or more need FINANCE's second approval (workflows.md). */
export const FINANCE_THRESHOLD_FEN = 50_000_000;
