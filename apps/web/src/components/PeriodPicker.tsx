import { DatePicker, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n';
import { beijingToday, PERIOD_PRESETS, periodOf, type Period, type PeriodPreset } from '../lib/periods';

/** The period in the URL (`period`, and `from`/`to` when custom), with its setter; other parameters are kept. */
export function usePeriodParam(): { preset: PeriodPreset; period: Period; setPeriod: (preset: PeriodPreset, custom?: Period) => void } {
  const [params, setParams] = useSearchParams();
  const { preset, period } = periodOf(params.get('period'), params.get('from'), params.get('to'), beijingToday());
  const setPeriod = (next: PeriodPreset, custom?: Period) =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        out.set('period', next);
        const range = next === 'custom' ? (custom ?? period) : null;
        if (range) {
          out.set('from', range.from);
          out.set('to', range.to);
        } else {
          out.delete('from');
          out.delete('to');
        }
        return out;
      },
      { replace: true },
    );
  return { preset, period, setPeriod };
}

/** This month, the last 30 days, this half-year, or any range of days. */
export function PeriodPicker() {
  const { t } = useI18n();
  const { preset, period, setPeriod } = usePeriodParam();
  return (
    <Space wrap data-testid="period-picker">
      <Segmented
        value={preset}
        onChange={(value) => setPeriod(value as PeriodPreset)}
        options={PERIOD_PRESETS.map((p) => ({ value: p, label: <span data-testid={`period-${p}`}>{t(`period.${p}`)}</span> }))}
      />
      <DatePicker.RangePicker
        data-testid="period-range"
        allowClear={false}
        value={[dayjs(period.from), dayjs(period.to)]}
        disabledDate={(d) => d.isAfter(dayjs(beijingToday()), 'day')}
        onChange={(range) => {
          if (range?.[0] && range[1]) setPeriod('custom', { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
        }}
      />
    </Space>
  );
}
