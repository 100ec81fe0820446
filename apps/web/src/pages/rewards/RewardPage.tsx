import { ERROR_CODES } from '@hub/contracts';
import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, WalletOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Result, Row, Space, Spin, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { ticketsApi } from '../../api/endpoints';
import { rewardsApi } from '../../api/rewards';
import type { LedgerEntry, PayeeReveal, Reward, RewardDetail } from '../../api/rewards-types';
import type { Ticket } from '../../api/types';
import { Kbd } from '../../components/Kbd';
import { ApprovalSteps } from '../../components/rewards/ApprovalSteps';
import { DeadlineWords } from '../../components/rewards/DeadlineWords';
import { PayeePanel } from '../../components/rewards/PayeePanel';
import { ReasonModal, type ReasonValues } from '../../components/rewards/ReasonModal';
import { availableFenOf, isBudgetExceeded } from '../../components/rewards/rewardErrors';
import { RewardStateTag } from '../../components/rewards/RewardStateTag';
import { useMe } from '../../context/AuthContext';
import { useTaxonomy } from '../../context/TaxonomyContext';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import { useHotkeys } from '../../hooks/useHotkeys';
import { useI18n, type MessageKey } from '../../i18n';
import { formatFen } from '../../lib/money';
import { beijing } from '../../lib/time';

type Dialog = 'approve' | 'reject' | 'pay' | 'reveal' | null;
type Load = { state: 'loading' } | { state: 'missing' } | { state: 'ready'; reward: RewardDetail };

interface BudgetRefusal {
  amountFen: number;
  availableFen: number | null;
}

const beijingYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

function useReward(id: string) {
  const onError = useErrorHandler();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const reload = useCallback(async () => {
    try {
      setLoad({ state: 'ready', reward: await rewardsApi.get(id) });
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) setLoad({ state: 'missing' });
      else onError(error);
    }
  }, [id, onError]);
  useEffect(() => {
    setLoad({ state: 'loading' });
    void reload();
  }, [reload]);
  return { load, reload };
}

function TicketSummary({ ticketId }: { ticketId: string }) {
  const { t } = useI18n();
  const { regionName } = useTaxonomy();
  const [ticket, setTicket] = useState<Ticket | null | 'missing'>(null);
  useEffect(() => {
    ticketsApi.get(ticketId).then(setTicket, () => setTicket('missing'));
  }, [ticketId]);
  if (ticket === null) return <Spin />;
  if (ticket === 'missing') return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reward.ticketMissing')} />;
  const { outcome } = ticket;
  return (
    <Descriptions size="small" column={1} className="reward-ticket" data-testid="reward-ticket">
      <Descriptions.Item label={t('field.kind')}>{t(`kind.${ticket.kind}`)}</Descriptions.Item>
      <Descriptions.Item label={t('field.receivedAt')}>{beijing(ticket.receivedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('field.region')}>{regionName(ticket.regionCode)}</Descriptions.Item>
      <Descriptions.Item label={t('reward.subject')}>
        {ticket.subject?.name ?? '—'}
        {ticket.subject?.uscc && <span className="mono tag-gap">{ticket.subject.uscc}</span>}
      </Descriptions.Item>
      <Descriptions.Item label={t('field.product')}>{ticket.productName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('reward.outcome')}>{outcome ? t(`reward.outcome.${outcome}`) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('reward.description')}>
        <div className="description-text">{ticket.description}</div>
      </Descriptions.Item>
    </Descriptions>
  );
}

function LedgerOfReward({ entries }: { entries: LedgerEntry[] }) {
  const { t } = useI18n();
  if (entries.length === 0) return <Typography.Text type="secondary">{t('reward.noLedger')}</Typography.Text>;
  return (
    <Table<LedgerEntry>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={entries}
      columns={[
        { title: t('ledger.at'), dataIndex: 'at', width: 140, render: beijing },
        { title: t('ledger.kind'), dataIndex: 'kind', render: (kind: LedgerEntry['kind']) => t(`ledger.kind.${kind}`) },
        { title: t('ledger.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
        { title: t('ledger.note'), dataIndex: 'note', render: (note: string | null) => note ?? '—' },
      ]}
    />
  );
}

export function RewardPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const me = useMe();
  const taxonomy = useTaxonomy();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/rewards';
  const { load, reload } = useReward(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<BudgetRefusal | null>(null);
  const [revealed, setRevealed] = useState<PayeeReveal | null>(null);

  const reward = load.state === 'ready' ? load.reward : null;
  const officer = me.roles.includes('REWARD_OFFICER');
  const finance = me.roles.includes('FINANCE');
  const proposed = reward?.state === 'PROPOSED';
  const canApprove = !!reward && proposed && ((officer && !reward.officerApproval) || (finance && reward.needsFinance && !!reward.officerApproval && !reward.financeApproval));
  const canReject = !!reward && officer && ['PROPOSED', 'NOTIFIED', 'CLAIMED'].includes(reward.state);
  const canPay = !!reward && officer && reward.state === 'CLAIMED';
  const canReveal = !!reward && officer;

  useHotkeys(
    {
      a: () => canApprove && setDialog('approve'),
      r: () => canReject && setDialog('reject'),
      p: () => canPay && setDialog('pay'),
      v: () => canReveal && !revealed && setDialog('reveal'),
      Escape: () => navigate(from),
    },
    dialog === null,
  );

  const act = async (run: () => Promise<Reward | void>, done: MessageKey) => {
    if (!reward) return;
    setBusy(true);
    try {
      await run();
      setDialog(null);
      setRefusal(null);
      void message.success(t(done));
      await reload();
    } catch (error) {
      setDialog(null);
      if (isBudgetExceeded(error)) setRefusal({ amountFen: reward.amountFen, availableFen: availableFenOf(error) });
      else if (error instanceof ApiError && error.code === ERROR_CODES.SAME_APPROVER) void message.error(t('reward.sameApprover'));
      else if (error instanceof ApiError && error.status === 403) void message.error(t('reward.forbidden'));
      else if (error instanceof ApiError && error.status === 409) {
        void message.warning(t('reward.conflict'));
        await reload();
      } else onError(error);
    } finally {
      setBusy(false);
    }
  };

  const reveal = async ({ text }: ReasonValues) => {
    setBusy(true);
    try {
      setRevealed(await rewardsApi.revealPayee(id, text));
      setDialog(null);
      void message.info(t('reward.revealRecorded'));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  if (load.state === 'loading') return <Spin className="page-spin" />;
  if (load.state === 'missing' || !reward) {
    return (
      <Result status="404" title={t('reward.notFound')} extra={<Button onClick={() => navigate(from)}>{t('reward.back')}</Button>} data-testid="reward-missing" />
    );
  }

  const department = taxonomy.taxonomy.departments[reward.department] ?? reward.department;
  const level = t(`reward.levelName.${reward.level}`);
  const year = reward.budgetYear ?? beijingYear();

  return (
    <div className="page page-scroll reward-page" data-testid="reward-page" data-state={reward.state}>
      <div className="ticket-head">
        <Space align="center" wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(from)} data-testid="reward-back">
            {t('reward.back')} <Kbd>Esc</Kbd>
          </Button>
          <Typography.Title level={4} className="ticket-code">
            {t('reward.detailTitle', { code: reward.trackingCode })}
          </Typography.Title>
          <RewardStateTag state={reward.state} />
          <span className="reward-amount-head" data-testid="reward-amount">
            {formatFen(reward.amountFen)}
          </span>
          <Typography.Text type="secondary">
            {level} · {department}
          </Typography.Text>
        </Space>
        <Space wrap>
          {canApprove && (
            <Button type="primary" icon={<CheckOutlined />} onClick={() => setDialog('approve')} data-testid="reward-approve">
              {t('reward.approve')} <Kbd>a</Kbd>
            </Button>
          )}
          {canReject && (
            <Button danger icon={<CloseOutlined />} onClick={() => setDialog('reject')} data-testid="reward-reject">
              {t('reward.reject')} <Kbd>r</Kbd>
            </Button>
          )}
          {canPay && (
            <Button type="primary" icon={<WalletOutlined />} onClick={() => setDialog('pay')} data-testid="reward-pay">
              {t('reward.pay')} <Kbd>p</Kbd>
            </Button>
          )}
        </Space>
      </div>

      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          message={t('reward.budgetExceeded')}
          description={
            <>
              {t('reward.budgetExceededText', { amount: formatFen(refusal.amountFen), department, year })}
              {refusal.availableFen !== null && t('reward.budgetExceededAvailable', { available: formatFen(refusal.availableFen) })}
            </>
          }
          data-testid="budget-exceeded"
        />
      )}
      {reward.needsFinance && proposed && (
        <Alert type="warning" showIcon message={reward.officerApproval ? t('reward.financeWaiting') : t('reward.financeNeeded')} data-testid="finance-needed" />
      )}

      <Row gutter={12}>
        <Col span={13}>
          <Space direction="vertical" className="full-width" size={12}>
            <Card size="small" title={t('reward.approvals')}>
              <ApprovalSteps reward={reward} />
              <Descriptions size="small" column={2} className="reward-facts" data-testid="reward-facts">
                <Descriptions.Item label={t('reward.level')}>{t(`reward.levelName.${reward.level}.hint`)}</Descriptions.Item>
                <Descriptions.Item label={t('reward.base')}>{formatFen(reward.baseFen)}</Descriptions.Item>
                <Descriptions.Item label={t('reward.amount')}>{formatFen(reward.amountFen)}</Descriptions.Item>
                <Descriptions.Item label={t('reward.department')}>{department}</Descriptions.Item>
                <Descriptions.Item label={t('reward.proposedAt')}>{beijing(reward.proposedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('reward.caseClosedAt')}>{beijing(reward.caseClosedAt)}</Descriptions.Item>
                {(reward.state === 'PROPOSED' || reward.state === 'APPROVED') && (
                  <Descriptions.Item label={t('reward.notifyBy')} span={2}>
                    <DeadlineWords deadline={reward.noticeBy} startedAt={reward.caseClosedAt ?? reward.proposedAt} />
                  </Descriptions.Item>
                )}
                {reward.budgetYear !== null && <Descriptions.Item label={t('reward.budgetYear')}>{reward.budgetYear}</Descriptions.Item>}
                {reward.notifiedAt && <Descriptions.Item label={t('reward.notifiedAt')}>{beijing(reward.notifiedAt)}</Descriptions.Item>}
                {reward.claimBy && <Descriptions.Item label={t('reward.claimBy')}>{beijing(reward.claimBy)}</Descriptions.Item>}
                {reward.claimedAt && <Descriptions.Item label={t('reward.claimedAt')}>{beijing(reward.claimedAt)}</Descriptions.Item>}
                {reward.paidAt && <Descriptions.Item label={t('reward.paidAt')}>{beijing(reward.paidAt)}</Descriptions.Item>}
                {reward.voucherNumber && (
                  <Descriptions.Item label={t('reward.voucherNumber')}>
                    <span className="mono" data-testid="reward-voucher">
                      {reward.voucherNumber}
                    </span>
                  </Descriptions.Item>
                )}
                {reward.rejectReason && (
                  <Descriptions.Item label={t('reward.rejectionReason')} span={2}>
                    {reward.rejectReason}
                    {reward.exclusion && ` (${t(`reward.exclusion.${reward.exclusion}`)})`}
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <PayeePanel reward={reward} revealed={revealed} canReveal={canReveal} onReveal={() => setDialog('reveal')} />
            <Card size="small" title={t('reward.ledgerSection')}>
              <LedgerOfReward entries={reward.ledger ?? []} />
            </Card>
          </Space>
        </Col>
        <Col span={11}>
          <Card size="small" title={t('reward.ticketSection')}>
            <TicketSummary ticketId={reward.ticketId} />
          </Card>
        </Col>
      </Row>

      {dialog === 'approve' && (
        <ReasonModal
          title={t('reward.approveTitle')}
          intro={t('reward.approveText', { amount: formatFen(reward.amountFen), level, department, year })}
          label={t('reward.reasonOptional')}
          okText={t('reward.approve')}
          busy={busy}
          testId="approve-dialog"
          onSubmit={({ text }) => act(() => rewardsApi.approve(id, text), 'reward.approved')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'reject' && (
        <ReasonModal
          title={t('reward.rejectTitle')}
          label={t('reward.rejectReason')}
          requiredMessage={t('reward.rejectReasonRequired')}
          okText={t('reward.reject')}
          danger
          withExclusion
          busy={busy}
          testId="reject-dialog"
          onSubmit={({ text, exclusion }) => act(() => rewardsApi.reject(id, text, exclusion), 'reward.rejected')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'pay' && (
        <ReasonModal
          title={t('reward.payTitle')}
          intro={t('reward.payText', { amount: formatFen(reward.amountFen) })}
          label={t('reward.voucher')}
          requiredMessage={t('reward.voucherRequired')}
          okText={t('reward.pay')}
          single
          busy={busy}
          testId="pay-dialog"
          onSubmit={({ text }) => act(() => rewardsApi.pay(id, text), 'reward.paid')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'reveal' && (
        <ReasonModal
          title={t('reward.revealTitle')}
          intro={t('reward.payeeMasked')}
          label={t('reward.revealReason')}
          placeholder={t('reward.revealReasonPlaceholder')}
          requiredMessage={t('reward.revealReasonRequired')}
          okText={t('reward.reveal')}
          busy={busy}
          testId="reveal-dialog"
          onSubmit={reveal}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
