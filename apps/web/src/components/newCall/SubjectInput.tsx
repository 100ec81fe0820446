import { AutoComplete, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { consoleApi } from '../../api/endpoints';
import type { SubjectSuggestion } from '../../api/types';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useDebounced } from '../../hooks/useDebounced';
import { useI18n } from '../../i18n';

interface SubjectInputProps {
  value?: string;
  onChange?: (value: string) => void;
  regionCode?: string;
  onPick: (subject: SubjectSuggestion) => void;
}

/** Subject name with the businesses named in earlier tickets as suggestions. */
export function SubjectInput({ value = '', onChange, regionCode, onPick }: SubjectInputProps) {
  const { t } = useI18n();
  const { regionName } = useTaxonomy();
  const query = useDebounced(value.trim(), 250);
  const [suggestions, setSuggestions] = useState<SubjectSuggestion[]>([]);

  useEffect(() => {
    if (!query) {
      setSuggestions([]);
      return;
    }
    let current = true;
    consoleApi.suggestSubjects(query, regionCode).then(
      (next) => current && setSuggestions(next),
      () => current && setSuggestions([]),
    );
    return () => {
      current = false;
    };
  }, [query, regionCode]);

  return (
    <AutoComplete
      value={value}
      onChange={onChange}
      placeholder={t('newCall.subjectPlaceholder')}
      data-testid="newcall-subject-name"
      onSelect={(_, option) => onPick((option as { subject: SubjectSuggestion }).subject)}
      options={suggestions.map((subject, index) => ({
        value: subject.name,
        key: `${subject.name}-${subject.uscc ?? index}`,
        subject,
        label: (
          <Space direction="vertical" size={0} data-testid="newcall-subject-option">
            <Typography.Text strong>{subject.name}</Typography.Text>
            <Typography.Text type="secondary" className="option-sub">
              {[regionName(subject.regionCode), subject.address, subject.uscc, t('newCall.tickets', { n: subject.tickets })].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Space>
        ),
      }))}
    />
  );
}
