/** The dashboard's periods: whole days in Beijing time (YYYY-MM-DD, both ends included). */
export const PERIOD_PRESETS = ['month', 'last30', 'half', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface Period {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** Today in Beijing. */
export function beijingToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** This month so far, the last 30 days, this half-year so far (1 Jan–30 Jun or 1 Jul–31 Dec, as the reports cut them). */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  switch (preset) {
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'half':
      return { from: `${today.slice(0, 4)}-${Number(today.slice(5, 7)) <= 6 ? '01' : '07'}-01`, to: today };
  }
}

export function isDay(value: string | null | undefined): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** The period the URL asks for: a preset, or a custom from/to; anything unreadable falls back to the last 30 days. */
export function periodOf(preset: string | null, from: string | null, to: string | null, today: string): { preset: PeriodPreset; period: Period } {
  if (preset === 'custom' && isDay(from) && isDay(to) && from <= to) return { preset, period: { from, to } };
  const known = preset === 'month' || preset === 'half' || preset === 'last30' ? preset : 'last30';
  return { preset: known, period: presetPeriod(known, today) };
}
