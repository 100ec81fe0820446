import { Alert, Button, Card, Empty, Input, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { recordsApi, type PublicBlacklistEntry, type PublicPenalty } from '../api/records';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh';
import { formatFen } from '../lib/money';
import { beijing } from '../lib/time';

type Which = 'penalties' | 'blacklist';
type Item = PublicPenalty | PublicBlacklistEntry;

/** The public disclosure (no login): penalised cases and the blacklist, searchable by name or USCC, paged by "more". */
export function PublicRecordsPage({ which }: { which: Which }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [items, setItems] = useState<Item[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      setFailed(false);
      try {
        const page = which === 'penalties' ? await recordsApi.penalties(q, after) : await recordsApi.blacklist(q, after);
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch {
        setFailed(true);
      } finally {
        setLoading(false);
      }
    },
    [which, q],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="public-records">
      <header className="public-records-header">
        <Typography.Title level={4} style={{ margin: 0, color: '#fff' }}>
          {t('records.public.title')}
        </Typography.Title>
        <LanguageSwitch />
      </header>
      <main className="public-records-content">
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Segmented
            block
            value={which}
            options={[
              { value: 'penalties', label: t('records.public.penalties') },
              { value: 'blacklist', label: t('records.public.blacklist') },
            ]}
            onChange={(value) => navigate(`/public/${value}${q ? `?q=${encodeURIComponent(q)}` : ''}`)}
            data-testid="public-switch"
          />
          <Input.Search
            allowClear
            enterButton={t('records.public.search')}
            defaultValue={q}
            key={q}
            placeholder={t('records.public.searchHint')}
            onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
            data-testid="public-search"
          />
          {failed && <Alert type="error" showIcon message={t('records.public.failed')} />}
          {!loading && !failed && items.length === 0 && (
            <Empty description={q ? t('records.public.noMatch', { q }) : t(which === 'penalties' ? 'records.public.emptyPenalties' : 'records.public.emptyBlacklist')} />
          )}
          {items.map((item, i) =>
            which === 'penalties' ? <PenaltyCard key={i} item={item as PublicPenalty} /> : <BlacklistCard key={i} item={item as PublicBlacklistEntry} />,
          )}
          {loading && <Spin style={{ display: 'block', margin: '12px auto' }} />}
          {!loading && cursor && (
            <Button block onClick={() => void load(cursor)} data-testid="public-more">
              {t('records.public.more')}
            </Button>
          )}
          <Typography.Paragraph type="secondary" className="public-records-note">
            {t('records.public.note')}
          </Typography.Paragraph>
        </Space>
      </main>
    </div>
  );
}

function PenaltyCard({ item }: { item: PublicPenalty }) {
  const { t } = useI18n();
  return (
    <Card size="small" className="public-record-card" data-testid="penalty-item">
      <Typography.Text strong className="public-record-name">{item.subjectName}</Typography.Text>
      {item.uscc && <div className="public-record-uscc">{t('records.public.uscc')}：{item.uscc}</div>}
      <div>{item.violation ?? '—'}</div>
      <Space wrap size={4} style={{ margin: '4px 0' }}>
        {item.penalties.map((p) => (
          <Tag key={p} color="volcano">{t(`penalty.${p}` as MessageKey)}</Tag>
        ))}
        {item.fineFen > 0 && <span>{t('records.public.fine')} {formatFen(item.fineFen)}</span>}
        {item.confiscationFen > 0 && <span>{t('records.public.confiscation')} {formatFen(item.confiscationFen)}</span>}
      </Space>
      <div className="public-record-meta">
        {item.unitName} · {item.decisionNumber ?? '—'} · {beijing(item.decidedAt)}
      </div>
    </Card>
  );
}

function BlacklistCard({ item }: { item: PublicBlacklistEntry }) {
  const { t } = useI18n();
  return (
    <Card size="small" className="public-record-card" data-testid="blacklist-item">
      <Typography.Text strong className="public-record-name">{item.subjectName}</Typography.Text>
      {item.uscc && <div className="public-record-uscc">{t('records.public.uscc')}：{item.uscc}</div>}
      <div>
        <Tag color="red">{t('records.public.listed')}</Tag>
        {item.reason}
      </div>
      <div className="public-record-meta">
        {t('records.public.listedAt')} {beijing(item.listedAt)}
      </div>
    </Card>
  );
}
