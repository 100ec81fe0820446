import { Button, Empty, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useRef, useState, type HTMLAttributes, type ReactNode, type UIEvent } from 'react';
import { useElementHeight } from '../hooks/useElementHeight';
import { useHotkeys } from '../hooks/useHotkeys';
import type { KeysetList } from '../hooks/useKeysetList';
import { useI18n, type MessageKey } from '../i18n';

type TableRef = { scrollTo: (config: { index?: number; top?: number }) => void };

interface ListTableProps<T extends { id: string }> {
  list: KeysetList<T>;
  columns: ColumnsType<T>;
  testId: string;
  rowTestId: (row: T) => string;
  onOpen: (row: T) => void;
  empty: ReactNode;
  focusId?: string;
  rowClassName?: (row: T) => string;
  hotkeys?: boolean;
  hint?: MessageKey;
}

const HEADER_HEIGHT = 39;
const LOAD_AHEAD_PX = 600;

export function ListTable<T extends { id: string }>({ list, columns, testId, rowTestId, onOpen, empty, focusId, rowClassName, hotkeys = true, hint = 'list.hint' }: ListTableProps<T>) {
  const { t } = useI18n();
  const [boxRef, height] = useElementHeight<HTMLDivElement>();
  const tableRef = useRef<TableRef>(null);
  const [selectedId, setSelectedId] = useState<string | undefined>(focusId);
  const { items } = list;

  const index = Math.max(0, items.findIndex((item) => item.id === selectedId));
  const selected = items[index] as T | undefined;

  const scrolledToFocus = useRef(false);
  useEffect(() => {
    if (scrolledToFocus.current || !focusId || !tableRef.current) return;
    const at = items.findIndex((item) => item.id === focusId);
    if (at < 0) return;
    // Once only: later arrivals must not pull the view back to the row the operator came from.
    scrolledToFocus.current = true;
    tableRef.current.scrollTo({ index: at });
  }, [focusId, items, height]);

  const atTop = useRef(true);
  const firstId = items[0]?.id;
  useEffect(() => {
    // Rows arriving above keep a reader at the top looking at the newest, instead of half a row down.
    if (atTop.current && firstId) tableRef.current?.scrollTo({ top: 0 });
  }, [firstId]);

  const move = (delta: number) => {
    if (!items.length) return;
    const next = Math.min(items.length - 1, Math.max(0, index + delta));
    setSelectedId(items[next].id);
    tableRef.current?.scrollTo({ index: next });
    if (next >= items.length - 10) list.loadMore();
  };

  useHotkeys(
    {
      j: () => move(1),
      k: () => move(-1),
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      Enter: () => selected && onOpen(selected),
    },
    hotkeys,
  );

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const { scrollTop, scrollHeight, clientHeight } = event.currentTarget;
    atTop.current = scrollTop < 8;
    if (scrollHeight - scrollTop - clientHeight < LOAD_AHEAD_PX) list.loadMore();
  };

  return (
    <div className="list-table">
      <div ref={boxRef} className="list-table-body" data-testid={testId}>
        {height > 0 && (
          <Table<T>
            ref={tableRef as never}
            virtual
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={items}
            pagination={false}
            loading={!list.loaded}
            scroll={{ y: height - HEADER_HEIGHT, x: 1000 }}
            onScroll={onScroll}
            locale={{ emptyText: list.loaded ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : <span /> }}
            rowClassName={(row) => [row.id === selected?.id ? 'row-selected' : '', rowClassName?.(row) ?? ''].join(' ')}
            onRow={(row) => ({
              'data-testid': rowTestId(row),
              onClick: () => {
                setSelectedId(row.id);
                onOpen(row);
              },
            }) as HTMLAttributes<HTMLElement>}
          />
        )}
      </div>
      <div className="list-table-footer">
        <Typography.Text type="secondary" data-testid={`${testId}-total`}>
          {t('filter.count', { n: list.total })}
        </Typography.Text>
        {list.loading && list.loaded && <Spin size="small" />}
        {list.hasMore && !list.loading && (
          <Button size="small" type="link" onClick={list.loadMore} data-testid={`${testId}-more`}>
            {t('list.loadMore')}
          </Button>
        )}
        <Typography.Text type="secondary" className="shortcut-hint">
          {t(hint)}
        </Typography.Text>
      </div>
    </div>
  );
}
