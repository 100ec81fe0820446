import { ClearOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { TICKET_STATUSES } from '@hub/contracts';
import { useTaxonomy } from '../context/TaxonomyContext';
import { splitList, type useQueueFilters } from '../hooks/useQueueFilters';
import { useI18n } from '../i18n';
import { shortName } from '../lib/taxonomyNames';

type Filters = ReturnType<typeof useQueueFilters>;

const options = (record: Record<string, string>, short = false) =>
  Object.entries(record).map(([value, label]) => ({ value, label: short ? shortName(label) : label }));

export function QueueFilterBar({ filters, setFilter, clear, active }: Filters) {
  const { t } = useI18n();
  const { taxonomy } = useTaxonomy();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  return (
    <Space wrap size={8} className="filter-bar" data-testid="queue-filters">
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('field.hotline')}
        className="filter-wide"
        value={splitList(filters.feed)}
        onChange={(value: string[]) => setFilter('feed', value)}
        options={options(taxonomy.feeds)}
        data-testid="filter-feed"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('field.region')}
        className="filter-narrow"
        value={filters.region}
        onChange={(value?: string) => setFilter('region', value)}
        options={options(taxonomy.regions)}
        data-testid="filter-region"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('field.status')}
        className="filter-wide"
        value={splitList(filters.status)}
        onChange={(value: string[]) => setFilter('status', value)}
        options={TICKET_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        data-testid="filter-status"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('field.category')}
        className="filter-narrow"
        value={filters.category}
        onChange={(value?: string) => setFilter('category', value)}
        options={options(taxonomy.categories, true)}
        popupMatchSelectWidth={false}
        data-testid="filter-category"
      />
      <Input.Search
        allowClear
        placeholder={t('field.q')}
        className="filter-search"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        onSearch={(value) => setFilter('q', value.trim())}
        onKeyDown={(event) => event.key === 'Escape' && event.currentTarget.blur()}
        data-testid="filter-q"
      />
      {active && (
        <Button icon={<ClearOutlined />} onClick={clear} data-testid="filter-clear">
          {t('filter.clear')}
        </Button>
      )}
    </Space>
  );
}
