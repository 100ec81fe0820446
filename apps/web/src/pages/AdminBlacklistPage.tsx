import { StopOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Radio, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { recordsApi, type CreditRecord, type CreditSubjectView } from '../api/records';
import { ReasonModal } from '../components/rewards/ReasonModal';
import { CreditCaseList } from '../components/CreditCaseList';
import { Kbd } from '../components/Kbd';
import { useTaxonomy } from '../context/TaxonomyContext';
import { useErrorHandler } from '../hooks/useErrorHandler';
import { useFetched } from '../hooks/useFetched';
import { useHotkeys } from '../hooks/useHotkeys';
import { useI18n, type Translate } from '../i18n';
import type { MessageKey } from '../i18n/zh';
import { beijing } from '../lib/time';

type Listed = 'all' | 'listed' | 'unlisted';
type Loaded = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; items: CreditSubjectView[]; nextCursor: string | null };
type Move = { kind: 'list' | 'delist'; subject: CreditSubjectView };

const LISTED_FILTER: Record<Listed, boolean | null> = { all: null, listed: true, unlisted: false };
const isListed = (value: string | null): value is Listed => value === 'listed' || value === 'unlisted';

/**
 * ADMIN: subjects with a credit record (诚信档案), searched by name or USCC and filtered by blacklist
 * state (all in the URL); a subject is listed or delisted by hand with a reason, after a confirmation,
 * and its record shows every case, listing and delisting.
 */
export function AdminBlacklistPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const { regionName } = useTaxonomy();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const listedParam = params.get('listed');
  const listed: Listed = isListed(listedParam) ? listedParam : 'all';
  const selected = params.get('subject');
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const [move, setMove] = useState<Move | null>(null);
  const [busy, setBusy] = useState(false);
  const search = useRef<InputRef>(null);

  const setParam = (name: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  useHotkeys({ '/': () => search.current?.focus() });

  const load = useCallback(
    (cursor?: string) =>
      recordsApi.subjects(q, LISTED_FILTER[listed], cursor).then(
        (page) =>
          setLoaded((prev) => ({
            state: 'ready',
            items: cursor && prev.state === 'ready' ? [...prev.items, ...page.items] : page.items,
            nextCursor: page.nextCursor,
          })),
        (error) => {
          setLoaded({ state: 'failed' });
          onError(error);
        },
      ),
    [q, listed, onError],
  );
  useEffect(() => {
    setLoaded({ state: 'loading' });
    void load();
  }, [load, generation]);

  const record = useFetched<CreditRecord | null>(`record:${selected}:${generation}`, () => (selected ? recordsApi.subject(selected) : Promise.resolve(null)));

  const submit = async (reason: string) => {
    if (!move) return;
    setBusy(true);
    try {
      if (move.kind === 'list') await recordsApi.list(move.subject.id, reason);
      else await recordsApi.delist(move.subject.id, reason);
      void message.success(t(move.kind === 'list' ? 'blacklist.listed' : 'blacklist.delisted', { name: move.subject.subjectName }));
      setMove(null);
      setParam('subject', move.subject.id);
      setGeneration((n) => n + 1);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const columns = subjectColumns(t, regionName, setMove);
  const items = loaded.state === 'ready' ? loaded.items : [];
  return (
    <div className="page page-scroll" data-testid="admin-blacklist">
      <Typography.Title level={4} className="page-head">
        {t('blacklist.title')}
      </Typography.Title>
      <Space wrap className="blacklist-filters">
        <Input.Search
          ref={search}
          allowClear
          defaultValue={q}
          key={q}
          placeholder={t('records.public.searchHint')}
          onSearch={(value) => setParam('q', value.trim() || null)}
          style={{ width: 360 }}
          data-testid="blacklist-search"
          suffix={<Kbd>/</Kbd>}
        />
        <Radio.Group value={listed} onChange={(e) => setParam('listed', e.target.value === 'all' ? null : (e.target.value as string))} optionType="button" data-testid="blacklist-filter">
          <Radio.Button value="all">{t('blacklist.filter.all')}</Radio.Button>
          <Radio.Button value="listed">{t('blacklist.filter.listed')}</Radio.Button>
          <Radio.Button value="unlisted">{t('blacklist.filter.unlisted')}</Radio.Button>
        </Radio.Group>
      </Space>
      <div className="blacklist-layout">
        <Card size="small">
          <Table<CreditSubjectView>
            rowKey="id"
            size="small"
            loading={loaded.state === 'loading'}
            dataSource={items}
            columns={columns}
            pagination={false}
            rowClassName={(row) => (row.id === selected ? 'blacklist-selected' : '')}
            onRow={(row) => ({ onClick: () => setParam('subject', row.id), 'data-testid': `subject-${row.id}` }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={loaded.state === 'failed' ? t('error.load') : q ? t('records.public.noMatch', { q }) : t('blacklist.empty')} /> }}
          />
          {loaded.state === 'ready' && loaded.nextCursor && (
            <Button block type="link" onClick={() => void load(loaded.nextCursor ?? undefined)} data-testid="blacklist-more">
              {t('records.public.more')}
            </Button>
          )}
        </Card>
        <SubjectRecord record={record.state === 'ready' ? record.data : null} loading={record.state === 'loading' && !!selected} />
      </div>
      {move && (
        <ReasonModal
          title={t(move.kind === 'list' ? 'blacklist.confirmList' : 'blacklist.confirmDelist', { name: move.subject.subjectName })}
          intro={t(move.kind === 'list' ? 'blacklist.listIntro' : 'blacklist.delistIntro')}
          label={t('blacklist.reason')}
          requiredMessage={t('blacklist.reasonRequired')}
          okText={t(move.kind === 'list' ? 'blacklist.list' : 'blacklist.delist')}
          danger={move.kind === 'list'}
          busy={busy}
          testId="blacklist-reason"
          onSubmit={(values) => void submit(values.text)}
          onClose={() => setMove(null)}
        />
      )}
    </div>
  );
}

function subjectColumns(t: Translate, regionName: (code: string) => string, setMove: (move: Move) => void): ColumnsType<CreditSubjectView> {
  return [
    {
      title: t('field.subject'),
      key: 'subject',
      render: (_, row) => (
        <div className="cell-2">
          <Typography.Text strong>{row.subjectName}</Typography.Text>
          <Typography.Text type="secondary" className="field-note">
            {row.uscc ?? '—'}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('field.region'), key: 'region', width: 100, render: (_, row) => regionName(row.regionCode) },
    { title: t('blacklist.lastCase'), key: 'lastCase', width: 150, render: (_, row) => beijing(row.lastCaseAt) },
    {
      title: t('blacklist.state'),
      key: 'state',
      render: (_, row) => <ListingState t={t} subject={row} />,
    },
    {
      title: '',
      key: 'action',
      width: 110,
      render: (_, row) =>
        row.blacklisted ? (
          <Button size="small" icon={<UndoOutlined />} onClick={(e) => (e.stopPropagation(), setMove({ kind: 'delist', subject: row }))} data-testid="blacklist-delist">
            {t('blacklist.delist')}
          </Button>
        ) : (
          <Button size="small" danger icon={<StopOutlined />} onClick={(e) => (e.stopPropagation(), setMove({ kind: 'list', subject: row }))} data-testid="blacklist-list">
            {t('blacklist.list')}
          </Button>
        ),
    },
  ];
}

function ListingState({ t, subject }: { t: Translate; subject: CreditSubjectView }) {
  if (subject.blacklisted) return <ListingMove tag={<Tag color="red">{t('records.panel.blacklisted')}</Tag>} at={subject.listedAt} reason={subject.listedReason} />;
  if (subject.delistedAt) return <ListingMove tag={<Tag color="green">{t('blacklist.wasDelisted')}</Tag>} at={subject.delistedAt} reason={subject.delistedReason} />;
  return <Tag>{t('blacklist.notListed')}</Tag>;
}

/** The last listing or delisting: what, when, and the reason under it. */
function ListingMove({ tag, at, reason }: { tag: ReactNode; at: string | null; reason: string | null }) {
  return (
    <div className="cell-2">
      <span>
        {tag}
        {beijing(at)}
      </span>
      <Typography.Text type="secondary" className="field-note">
        {reason}
      </Typography.Text>
    </div>
  );
}

const HISTORY_COLORS: Record<string, string> = { LISTED: 'red', DELISTED: 'green', CASE_ADDED: 'blue' };

/** The selected subject's cases and the history of its listings. */
function SubjectRecord({ record, loading }: { record: CreditRecord | null; loading: boolean }) {
  const { t } = useI18n();
  const subject = record?.subject;
  return (
    <Card size="small" loading={loading} title={subject ? subject.subjectName : t('blacklist.record')} data-testid="blacklist-record">
      {!subject ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('blacklist.pick')} />
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <div>
            <Typography.Text strong>{t('blacklist.history')}</Typography.Text>
            <Timeline
              className="blacklist-history"
              data-testid="blacklist-history"
              items={record.history.map((h) => ({
                color: HISTORY_COLORS[h.action] ?? 'gray',
                children: (
                  <div className="cell-2">
                    <span>
                      <Tag color={HISTORY_COLORS[h.action]}>{t(`blacklist.action.${h.action}` as MessageKey)}</Tag>
                      {beijing(h.at)} · {h.actorName === 'system' ? t('blacklist.bySystem') : h.actorName}
                    </span>
                    {h.reason && <Typography.Text type="secondary">{h.reason}</Typography.Text>}
                  </div>
                ),
              }))}
            />
          </div>
          <div>
            <Typography.Text strong>{t('blacklist.cases', { n: record.cases.length })}</Typography.Text>
            <CreditCaseList cases={record.cases} />
          </div>
        </Space>
      )}
    </Card>
  );
}
