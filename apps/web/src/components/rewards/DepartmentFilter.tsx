import { Select } from 'antd';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useI18n } from '../../i18n';

/** A list's department filter: every department of the taxonomy, searchable; cleared means all. */
export function DepartmentFilter({ value, onChange, testId }: { value: string | undefined; onChange: (department: string | undefined) => void; testId: string }) {
  const { t } = useI18n();
  const { taxonomy } = useTaxonomy();
  return (
    <Select
      className="filter-wide"
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={t('reward.allDepartments')}
      value={value}
      onChange={(department?: string) => onChange(department)}
      options={Object.entries(taxonomy.departments).map(([code, label]) => ({ value: code, label }))}
      data-testid={testId}
    />
  );
}
