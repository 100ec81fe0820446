import { Tag } from 'antd';
import { useNow } from '../../hooks/useNow';
import { useI18n } from '../../i18n';
import { beijing, deadlineTone, durationWords } from '../../lib/time';

const TAG_COLOR = { green: 'success', yellow: 'warning', red: 'error' } as const;

/** A clock's end in Beijing time with the time left or overdue in words, never colour alone (ui.md). */
export function DeadlineWords({ deadline, startedAt }: { deadline: string | null; startedAt: string | null }) {
  const { t } = useI18n();
  const now = useNow(60_000);
  if (!deadline) return <span>—</span>;
  const tone = deadlineTone(deadline, startedAt ?? deadline, now);
  const left = Date.parse(deadline) - now;
  return (
    <span className="deadline-words" data-tone={tone}>
      <span>{beijing(deadline)}</span>
      <Tag color={TAG_COLOR[tone]} bordered={false}>
        {left >= 0 ? t('time.left', { d: durationWords(left, t) }) : t('time.overdue', { d: durationWords(-left, t) })}
      </Tag>
    </span>
  );
}
