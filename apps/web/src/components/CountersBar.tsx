import { Statistic } from 'antd';
import { useCounters } from '../context/CountersContext';
import { useNow } from '../hooks/useNow';
import { useI18n } from '../i18n';
import { durationWords } from '../lib/time';
import { FeedBars } from './FeedBars';

const EMPTY: Record<string, number> = {};

function OldestWait({ since }: { since: string | null }) {
  const { t } = useI18n();
  const now = useNow(1000);
  if (!since) return <>{t('counters.none')}</>;
  return <>{durationWords(now - Date.parse(since), t, true)}</>;
}

export function CountersBar() {
  const { t } = useI18n();
  const counters = useCounters();
  const value = (n: number | undefined) => n ?? t('counters.none');
  const byFeed = counters?.byFeed ?? EMPTY;
  const feedSummary = Object.entries(byFeed)
    .map(([feed, n]) => `${feed}: ${n}`)
    .join(', ');
  return (
    <div className="counters-bar" data-testid="counters">
      <Statistic title={t('counters.triageWaiting')} value={value(counters?.triageWaiting)} data-testid="counter-triage-waiting" />
      <Statistic
        title={t('counters.oldestWait')}
        valueRender={() => <OldestWait since={counters?.oldestTriageReceivedAt ?? null} />}
        className="counter-oldest"
        data-testid="counter-oldest-wait"
      />
      <Statistic title={t('counters.dispatchedToday')} value={value(counters?.dispatchedToday)} data-testid="counter-dispatched-today" />
      <Statistic title={t('counters.receivedToday')} value={value(counters?.receivedToday)} data-testid="counter-received-today" />
      <div className="counter-feeds" data-testid="counter-by-feed" aria-label={feedSummary}>
        <div className="ant-statistic-title">{t('counters.byFeed')}</div>
        <FeedBars byFeed={byFeed} />
      </div>
    </div>
  );
}
