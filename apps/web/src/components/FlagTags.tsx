import { Tag } from 'antd';
import { useI18n } from '../i18n';
import { flagLabel } from '../lib/labels';

const FLAG_COLORS: Record<string, string> = { SUSPECTED_CRIME: 'red', REPEAT_OFFENDER: 'magenta', DUPLICATE: 'gold' };

export function FlagTags({ flags }: { flags: string[] }) {
  const { t } = useI18n();
  return (
    <>
      {flags.map((flag) => (
        <Tag key={flag} color={FLAG_COLORS[flag]} data-testid={`flag-${flag}`}>
          {flagLabel(t, flag)}
        </Tag>
      ))}
    </>
  );
}
