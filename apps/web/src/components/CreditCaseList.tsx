import { List, Space, Tag, Typography } from 'antd';
import type { CreditCaseView } from '@hub/contracts';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh';
import { formatFen } from '../lib/money';
import { beijing } from '../lib/time';

/** The cases behind a credit record: outcome, date and deciding unit, then what was decided. */
export function CreditCaseList({ cases }: { cases: CreditCaseView[] }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      dataSource={cases}
      renderItem={(c) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <Space wrap>
              <Tag>{t(`records.outcome.${c.outcome}` as MessageKey)}</Tag>
              <span>{beijing(c.decidedAt)}</span>
              <span>{c.unitName}</span>
            </Space>
            <Typography.Text type="secondary">
              {c.violation ?? ''} {c.penalties.map((p) => t(`penalty.${p}` as MessageKey)).join('、')} {c.fineFen > 0 ? formatFen(c.fineFen) : ''} {c.decisionNumber ?? ''}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
