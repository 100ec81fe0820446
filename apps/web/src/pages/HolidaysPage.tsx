import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CalendarDayView, CalendarYearView } from '@hub/contracts';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, List, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { calendarApi } from '../api/workbench';
import { useErrorHandler } from '../hooks/useErrorHandler';
import { useFetched } from '../hooks/useFetched';
import { useI18n } from '../i18n';

const SOURCE_COLORS: Record<CalendarYearView['source'], string> = { PACKAGE: 'blue', ADMIN: 'green', MISSING: 'red' };

interface DayForm {
  date: Dayjs;
  work: boolean;
  name?: string;
}

/** ADMIN: which years the working-day calendar covers, and the days entered for a year the package lacks. */
export function HolidaysPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [params, setParams] = useSearchParams();
  const [generation, setGeneration] = useState(0);
  const coverage = useFetched(`coverage:${generation}`, () => calendarApi.coverage());
  const years = coverage.state === 'ready' ? coverage.data.years : [];
  const missing = years.filter((year) => year.source === 'MISSING');
  const year = Number(params.get('year')) || missing[0]?.year || new Date().getFullYear() + 1;
  const days = useFetched(`days:${year}:${generation}`, () => calendarApi.days(year));
  const [form] = Form.useForm<DayForm>();
  const [busy, setBusy] = useState(false);

  const changed = () => setGeneration((n) => n + 1);
  const add = async (values: DayForm) => {
    setBusy(true);
    try {
      await calendarApi.putDay({ date: values.date.format('YYYY-MM-DD'), work: values.work, name: values.name?.trim() || undefined });
      form.resetFields(['date', 'name']);
      changed();
      void message.success(t('holidays.saved'));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  const remove = (date: string) => calendarApi.deleteDay(date).then(changed, onError);

  const rows: CalendarDayView[] = days.state === 'ready' ? days.data.items : [];
  return (
    <div className="page page-scroll" data-testid="holidays">
      <Typography.Title level={4} className="page-head">
        {t('holidays.title')}
      </Typography.Title>
      {missing.map((item) => (
        <Alert key={item.year} type="warning" showIcon className="holiday-warning" message={t('holidays.missing', { year: item.year })} data-testid={`holiday-missing-${item.year}`} />
      ))}
      <div className="holidays-layout">
        <Card size="small" title={t('holidays.years')} className="holidays-years">
          <List
            size="small"
            loading={coverage.state === 'loading'}
            dataSource={years}
            renderItem={(item) => (
              <List.Item
                className={item.year === year ? 'holiday-year selected' : 'holiday-year'}
                onClick={() => setParams({ year: String(item.year) }, { replace: true })}
                data-testid={`holiday-year-${item.year}`}
              >
                <Space>
                  <Typography.Text strong>{item.year}</Typography.Text>
                  <Tag color={SOURCE_COLORS[item.source]}>{t(`holidays.source.${item.source}`)}</Tag>
                  {item.days > 0 && <Typography.Text type="secondary">{t('holidays.days', { n: item.days })}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" title={`${year}`} className="holidays-days">
          <Form form={form} layout="inline" initialValues={{ work: false }} onFinish={add} className="holiday-form">
            <Form.Item name="date" rules={[{ required: true, message: t('form.choose', { field: t('holidays.date') }) }]}>
              <DatePicker placeholder={t('holidays.date')} defaultPickerValue={dayjs(`${year}-01-01`)} data-testid="holiday-date" />
            </Form.Item>
            <Form.Item name="work">
              <Radio.Group optionType="button">
                <Radio.Button value={false}>{t('holidays.off')}</Radio.Button>
                <Radio.Button value={true} data-testid="holiday-work">
                  {t('holidays.work')}
                </Radio.Button>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="name">
              <Input placeholder={t('holidays.name')} maxLength={40} className="holiday-name" data-testid="holiday-name" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="holiday-add">
              {t('holidays.add')}
            </Button>
          </Form>
          <Table<CalendarDayView>
            size="small"
            rowKey="date"
            dataSource={rows}
            loading={days.state === 'loading'}
            pagination={false}
            data-testid="holiday-days"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('holidays.empty')} /> }}
            columns={[
              { key: 'date', title: t('holidays.date'), dataIndex: 'date', width: 130 },
              { key: 'kind', title: t('holidays.kind'), width: 140, render: (_, row) => <Tag color={row.work ? 'orange' : 'green'}>{row.work ? t('holidays.work') : t('holidays.off')}</Tag> },
              { key: 'name', title: t('holidays.name'), render: (_, row) => row.name ?? '—' },
              {
                key: 'remove',
                width: 90,
                render: (_, row) => (
                  <Popconfirm title={t('holidays.remove')} onConfirm={() => remove(row.date)} okText={t('holidays.remove')} cancelText={t('action.cancel')}>
                    <Button size="small" danger icon={<DeleteOutlined />}>
                      {t('holidays.remove')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
