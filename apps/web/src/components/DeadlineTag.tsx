import { ClockCircleOutlined, ExclamationCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { DeadlineState } from '@hub/contracts';
import { useNow } from '../hooks/useNow';
import { useI18n, type Translate } from '../i18n';
import type { ClockMeasure } from '../lib/clocks';
import { beijing, durationWords } from '../lib/time';
import { workingDaysLeft } from '../lib/workingDays';

const COLORS: Record<DeadlineState, string> = { ok: 'success', warning: 'warning', overdue: 'error' };
const ICONS: Record<DeadlineState, JSX.Element> = { ok: <ClockCircleOutlined />, warning: <ExclamationCircleOutlined />, overdue: <ExclamationCircleOutlined /> };

export interface DeadlineTagProps {
  at: string;
  state?: DeadlineState | null;
  provisional?: boolean;
  paused?: boolean;
  /** Where the clock started; gives the colour when the server did not send a state. */
  startedAt?: string | null;
  measure?: ClockMeasure;
  testId?: string;
}

/** Time left in words (never a colour alone): working days for working-day clocks, days and hours for the others. */
export function deadlineWords(t: Translate, at: string, now: number, measure: ClockMeasure = 'working'): string {
  if (measure === 'calendar') {
    const ms = Date.parse(at) - now;
    return ms >= 0 ? t('time.left', { d: durationWords(ms, t) }) : t('time.overdue', { d: durationWords(-ms, t) });
  }
  const left = workingDaysLeft(at, now);
  if (left > 0) return t('deadline.daysLeft', { n: left });
  if (left === 0) return t('deadline.dueToday');
  return t('deadline.daysOver', { n: -left });
}

export function toneOf(at: string, now: number, startedAt?: string | null): DeadlineState {
  const end = Date.parse(at);
  if (now > end) return 'overdue';
  const start = startedAt ? Date.parse(startedAt) : NaN;
  return Number.isFinite(start) && end > start && (now - start) / (end - start) >= 0.8 ? 'warning' : 'ok';
}

/** A deadline is never shown as a colour alone: the tag carries the date and the working days left. */
export function DeadlineTag({ at, state, provisional, paused, startedAt, measure = 'working', testId }: DeadlineTagProps) {
  const { t } = useI18n();
  const now = useNow(60_000);
  const tone = state ?? toneOf(at, now, startedAt);
  const date = beijing(at).slice(0, 10);
  const text = paused ? `${t('deadline.paused')} · ${date}` : `${t(`deadline.state.${tone}`)} · ${date} · ${deadlineWords(t, at, now, measure)}`;
  const tag = (
    <Tag color={paused ? 'default' : COLORS[tone]} icon={paused ? <PauseCircleOutlined /> : ICONS[tone]} data-tone={tone} data-testid={testId} className="deadline-tag">
      {text}
      {provisional && ' *'}
    </Tag>
  );
  return provisional ? <Tooltip title={t('ticket.provisional')}>{tag}</Tooltip> : tag;
}
