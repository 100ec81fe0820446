import { Space, Tag, Typography } from 'antd';
import type { DeadlinesView } from '@hub/contracts';
import { useNow } from '../../hooks/useNow';
import { useI18n, type MessageKey } from '../../i18n';
import { beijing, deadlineTone, durationWords } from '../../lib/time';

const CLOCKS: [keyof Omit<DeadlinesView, 'provisional'>, MessageKey][] = [
  ['dispatchBy', 'field.dispatchBy'],
  ['acceptBy', 'field.acceptBy'],
  ['resolveBy', 'field.resolveBy'],
];

const TONE_COLORS = { green: 'success', yellow: 'warning', red: 'error' } as const;

export function DeadlineList({ deadlines, receivedAt }: { deadlines: DeadlinesView; receivedAt: string }) {
  const { t } = useI18n();
  const now = useNow(60_000);
  return (
    <Space direction="vertical" size={4} className="deadlines" data-testid="ticket-deadlines">
      {CLOCKS.map(([field, label]) => {
        const at = deadlines[field];
        if (!at) {
          return (
            <div key={field} className="deadline-row">
              <Typography.Text type="secondary">{t(label)}</Typography.Text>
              <Typography.Text type="secondary">{t('time.notStarted')}</Typography.Text>
            </div>
          );
        }
        const tone = deadlineTone(at, receivedAt, now);
        const left = Date.parse(at) - now;
        return (
          <div key={field} className="deadline-row" data-tone={tone}>
            <Typography.Text type="secondary">{t(label)}</Typography.Text>
            <span>{beijing(at)}</span>
            <Tag color={TONE_COLORS[tone]} bordered={false}>
              {left >= 0 ? t('time.left', { d: durationWords(left, t) }) : t('time.overdue', { d: durationWords(-left, t) })}
            </Tag>
          </div>
        );
      })}
      {deadlines.provisional && <Tag color="default">{t('ticket.provisional')}</Tag>}
    </Space>
  );
}
