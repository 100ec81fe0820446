import { CreditRecordPanel } from '../components/CreditRecordPanel';
import { Button, Card, Col, Result, Row, Spin } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { Ticket } from '../api/types';
import { DiscardModal } from '../components/DiscardModal';
import { TicketHeading } from '../components/TicketHeading';
import { ActionBar } from '../components/ticket/ActionBar';
import { ClaimBanner } from '../components/ticket/ClaimBanner';
import { ClassificationPanel } from '../components/ticket/ClassificationPanel';
import { CorrectModal, type CorrectFocus } from '../components/ticket/CorrectModal';
import { DeadlineList } from '../components/ticket/DeadlineList';
import { MergeModal } from '../components/ticket/MergeModal';
import { SourcePanel } from '../components/ticket/SourcePanel';
import { TicketFields } from '../components/ticket/TicketFields';
import { useMe, useWorkspace } from '../context/AuthContext';
import { useClaim } from '../hooks/useClaim';
import { useHotkeys } from '../hooks/useHotkeys';
import type { TicketRouteState } from '../hooks/useOpenTicket';
import { useTicket } from '../hooks/useTicket';
import { useTicketActions } from '../hooks/useTicketActions';
import { useTicketsByIds } from '../hooks/useTicketsByIds';
import { useI18n } from '../i18n';
import { allowedActions, type ActionKind } from '../lib/ticketRules';

type Dialog = { kind: 'correct'; focus: CorrectFocus } | { kind: 'merge' } | { kind: 'discard' } | null;

function useBackToList(ticketId: string) {
  const navigate = useNavigate();
  const from = (useLocation().state as TicketRouteState | null)?.from ?? '/queue';
  return () => navigate(from, { state: { focusId: ticketId } satisfies TicketRouteState });
}

export function TicketPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { load, reload, replace } = useTicket(id);
  const back = useBackToList(id);

  if (load.state === 'loading') return <Spin size="large" className="page-spin" />;
  if (load.state === 'missing') {
    return <Result status="404" title={t('ticket.notFound')} extra={<Button onClick={back}>{t('ticket.back')}</Button>} />;
  }
  return <TicketView key={id} ticket={load.ticket} reload={reload} replace={replace} back={back} />;
}

interface TicketViewProps {
  ticket: Ticket;
  reload: () => Promise<void>;
  replace: (ticket: Ticket) => void;
  back: () => void;
}

function TicketView({ ticket, reload, replace, back }: TicketViewProps) {
  const { t } = useI18n();
  const me = useMe();
  const operator = useWorkspace() === 'operator';
  const claim = useClaim(ticket.id, operator, me.id);
  const candidates = useTicketsByIds(ticket.duplicateCandidates);
  const [dialog, setDialog] = useState<Dialog>(null);
  const actions = useTicketActions({
    ticket,
    reload,
    reclaim: claim.claim,
    showHolder: claim.apply,
    onDone: (updated) => {
      replace(updated);
      back();
    },
  });

  const allowed = allowedActions(ticket);
  const canAct = operator && claim.mine;
  const enabled = Object.fromEntries(Object.entries(allowed).map(([kind, ok]) => [kind, ok && canAct])) as Record<ActionKind, boolean>;

  const open = (kind: ActionKind, focus: CorrectFocus = 'first') => {
    if (!enabled[kind] || actions.busy) return;
    if (kind === 'confirm') void actions.confirm();
    else setDialog(kind === 'correct' ? { kind, focus } : { kind });
  };
  const closeWhenDone = (done: boolean) => done && setDialog(null);

  useHotkeys(
    {
      c: () => open('confirm'),
      e: () => open('correct'),
      u: () => open('correct', 'leadUnit'),
      m: () => open('merge'),
      d: () => open('discard'),
      Escape: back,
    },
    dialog === null,
  );

  return (
    <div className="page ticket-page" data-testid="ticket-view" data-ticket-id={ticket.id} data-version={ticket.version}>
      <div className="ticket-head">
        <TicketHeading ticket={ticket} onBack={back} />
        {operator && <ActionBar enabled={enabled} busy={actions.busy} onAction={(kind) => open(kind)} />}
      </div>
      <ClaimBanner claim={claim} readOnly={!operator} />
      <Row gutter={12} className="ticket-columns">
        <Col span={13} className="ticket-column">
          <Card size="small" title={t('ticket.classification')}>
            <ClassificationPanel ticket={ticket} />
          </Card>
          <Card size="small" title={t('ticket.canonical')}>
            <TicketFields ticket={ticket} candidates={candidates} />
          </Card>
          <Card size="small" title={t('ticket.deadlines')}>
            <DeadlineList deadlines={ticket.deadlines} receivedAt={ticket.receivedAt} />
          </Card>
          <CreditRecordPanel ticketId={ticket.id} version={ticket.version} />
        </Col>
        <Col span={11} className="ticket-column">
          <Card size="small" className="source-card">
            <SourcePanel ticket={ticket} />
          </Card>
        </Col>
      </Row>
      {dialog?.kind === 'correct' && (
        <CorrectModal
          ticket={ticket}
          focus={dialog.focus}
          busy={actions.busy === 'correct'}
          onSubmit={(decision) => void actions.correct(decision).then(closeWhenDone)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'merge' && (
        <MergeModal
          ticket={ticket}
          candidates={candidates}
          busy={actions.busy === 'merge'}
          onSubmit={(masterId) => void actions.merge(masterId).then(closeWhenDone)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'discard' && (
        <DiscardModal
          title="discard.title"
          busy={actions.busy === 'discard'}
          onSubmit={(reason) => void actions.discard(reason).then(closeWhenDone)}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
