import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { rewardsApi } from '../../api/rewards';
import type { BudgetLine } from '../../api/rewards-types';
import { BudgetBars } from '../../components/rewards/BudgetBars';
import { ReconciliationCard } from '../../components/rewards/ReconciliationCard';
import { useMe } from '../../context/AuthContext';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { useI18n } from '../../i18n';
import { formatFen, yuanToFen } from '../../lib/money';

const FILTER_KEYS = ['year'] as const;
export const beijingYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

interface GrantValues {
  department: string;
  amount: string;
  note?: string;
}

function GrantForm({ year, onGranted }: { year: number; onGranted: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const { taxonomy } = useTaxonomy();
  const [form] = Form.useForm<GrantValues>();
  const [busy, setBusy] = useState(false);

  const grant = async (values: GrantValues) => {
    const amountFen = yuanToFen(values.amount)!;
    setBusy(true);
    try {
      await rewardsApi.grant(values.department, year, amountFen, values.note?.trim());
      void message.success(t('budget.granted.done', { department: taxonomy.departments[values.department] ?? values.department, amount: formatFen(amountFen) }));
      form.resetFields(['amount', 'note']);
      onGranted();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={`${t('budget.grantTitle')} · ${year}`} data-testid="budget-grant">
      <Form<GrantValues> form={form} layout="vertical" requiredMark={false} onFinish={grant}>
        <Form.Item name="department" label={t('budget.department')} rules={[{ required: true, message: t('form.choose', { field: t('budget.department') }) }]}>
          <Select showSearch optionFilterProp="label" options={Object.entries(taxonomy.departments).map(([value, label]) => ({ value, label }))} data-testid="grant-department" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('budget.amountYuan')}
          rules={[{ validator: (_, value?: string) => ((yuanToFen(value ?? '') ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t('budget.amountRequired')))) }]}
        >
          <Input prefix="¥" inputMode="decimal" autoComplete="off" data-testid="grant-amount" />
        </Form.Item>
        <Form.Item name="note" label={t('ledger.note')}>
          <Input maxLength={200} autoComplete="off" data-testid="grant-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="grant-submit">
          {t('budget.grant')}
        </Button>
      </Form>
    </Card>
  );
}

export function BudgetsPage() {
  const { t } = useI18n();
  const onError = useErrorHandler();
  const me = useMe();
  const { taxonomy } = useTaxonomy();
  const { filters, setFilter } = useUrlFilters(FILTER_KEYS);
  const thisYear = beijingYear();
  const year = Number(filters.year) || thisYear;
  const [lines, setLines] = useState<BudgetLine[] | null>(null);
  const [epoch, setEpoch] = useState(0);
  const isAdmin = me.roles.includes('ADMIN');
  const departmentName = useCallback((code: string) => taxonomy.departments[code] ?? code, [taxonomy]);

  useEffect(() => {
    let current = true;
    setLines(null);
    rewardsApi.budgets(year).then(
      (page) => current && setLines(page.items),
      (error) => {
        if (current) setLines([]);
        onError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [year, epoch, onError]);

  const total = (pick: (line: BudgetLine) => number) => formatFen((lines ?? []).reduce((sum, line) => sum + pick(line), 0));
  const money = (fen: number) => <span className="money">{formatFen(fen)}</span>;

  return (
    <div className="page page-scroll" data-testid="budgets-page">
      <Space className="page-head" align="center">
        <Typography.Title level={4}>{t('budget.title')}</Typography.Title>
        <Select
          value={year}
          onChange={(value: number) => setFilter('year', value === thisYear ? undefined : String(value))}
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((value) => ({ value, label: `${value} ${t('budget.year')}` }))}
          data-testid="budget-year"
        />
      </Space>
      <Row gutter={12}>
        <Col span={isAdmin ? 16 : 24}>
          <Space direction="vertical" size={12} className="full-width">
            <Table<BudgetLine>
              size="small"
              rowKey="department"
              loading={lines === null}
              dataSource={lines ?? []}
              pagination={false}
              data-testid="budget-table"
              onRow={(line) => ({ 'data-testid': `budget-row-${line.department}` }) as never}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={isAdmin ? t('budget.empty', { year }) : t('budget.emptyReader', { year })} /> }}
              columns={[
                { title: t('budget.department'), dataIndex: 'department', render: departmentName },
                { title: t('budget.granted'), dataIndex: 'grantedFen', align: 'right', render: money },
                { title: t('budget.committed'), dataIndex: 'committedFen', align: 'right', render: money },
                { title: t('budget.paid'), dataIndex: 'paidFen', align: 'right', render: money },
                {
                  title: t('budget.available'),
                  dataIndex: 'availableFen',
                  align: 'right',
                  render: (fen: number) => <strong className={fen < 0 ? 'money money-negative' : 'money'}>{formatFen(fen)}</strong>,
                },
              ]}
              summary={() =>
                lines && lines.length > 1 ? (
                  <Table.Summary.Row className="budget-total">
                    <Table.Summary.Cell index={0}>{t('budget.total')}</Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      {total((line) => line.grantedFen)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      {total((line) => line.committedFen)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      {total((line) => line.paidFen)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      <strong>{total((line) => line.availableFen)}</strong>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                ) : null
              }
            />
            {lines && lines.length > 0 && (
              <Card size="small" title={t('budget.chart')}>
                <BudgetBars lines={lines} departmentName={departmentName} />
              </Card>
            )}
          </Space>
        </Col>
        {isAdmin && (
          <Col span={8}>
            <Space direction="vertical" size={12} className="full-width">
              <GrantForm year={year} onGranted={() => setEpoch((n) => n + 1)} />
              <ReconciliationCard key={`${year}:${epoch}`} year={year} />
            </Space>
          </Col>
        )}
      </Row>
      {!isAdmin && (
        <div className="budget-recon">
          <ReconciliationCard key={`${year}:${epoch}`} year={year} />
        </div>
      )}
    </div>
  );
}
