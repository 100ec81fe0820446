import { CreditRecordPanel } from '../components/CreditRecordPanel';
import { Alert, Button, Card, Col, Result, Row, Spin, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { Ticket } from '../api/types';
import { caseApi } from '../api/workbench';
import { TicketHeading } from '../components/TicketHeading';
import { AttachmentList } from '../components/ticket/AttachmentList';
import { HistoryTimeline } from '../components/ticket/HistoryTimeline';
import { TicketFields } from '../components/ticket/TicketFields';
import { CaseActionBar, CASE_KEYS } from '../components/workbench/CaseActionBar';
import { CaseDeadlines } from '../components/workbench/CaseDeadlines';
import { AssistDialog, ApproveDialog, FileCaseDialog, PauseDialog, ReasonDialog } from '../components/workbench/CaseDialogs';
import { CaseHandling } from '../components/workbench/CaseHandling';
import { CloseDialog } from '../components/workbench/CloseDialog';
import { FindingsPanel } from '../components/workbench/FindingsPanel';
import { SubjectTickets } from '../components/workbench/SubjectTickets';
import { useMe } from '../context/AuthContext';
import { useCaseActions } from '../hooks/useCaseActions';
import { useHotkeys } from '../hooks/useHotkeys';
import type { TicketRouteState } from '../hooks/useOpenTicket';
import { useTicket } from '../hooks/useTicket';
import { useI18n } from '../i18n';
import { caseActions, type CaseAction } from '../lib/caseRules';

const NO_CANDIDATES = new Map<string, Ticket>();

function useBack(fallback: string) {
  const navigate = useNavigate();
  const location = useLocation();
  const { id = '' } = useParams();
  const from = (location.state as TicketRouteState | null)?.from ?? fallback;
  return () => navigate(from, { state: { focusId: id } satisfies TicketRouteState });
}

function homeOf(roles: readonly string[]): string {
  if (roles.includes('POLICE_LIAISON')) return '/police';
  if (roles.includes('PROSECUTOR')) return '/oversight';
  return '/workbench';
}

/** The ticket as a unit, the police or the procuratorate work it. */
export function CaseTicketPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const { load, reload, replace, expectOwnMove } = useTicket(id);
  const back = useBack(homeOf(me.roles));

  if (load.state === 'loading') return <Spin size="large" className="page-spin" />;
  if (load.state === 'missing') {
    return (
      <div data-testid="ticket-missing">
        <Result status="404" title={t('ticket.notFound')} extra={<Button onClick={back}>{t('ticket.back')}</Button>} />
      </div>
    );
  }
  return <CaseView key={id} ticket={load.ticket} reload={reload} replace={replace} expectOwnMove={expectOwnMove} back={back} />;
}

/** The buttons a role has on the case view (all shown, some greyed out by the state). */
function shownActions(roles: readonly string[], paused: boolean): CaseAction[] {
  if (roles.includes('POLICE_LIAISON')) return ['policeAccept', 'policeDecline', 'extend'];
  if (!roles.includes('HANDLER') && !roles.includes('UNIT_HEAD')) return [];
  const unit: CaseAction[] = ['accept', 'return', 'assist', 'fileCase', paused ? 'resume' : 'pause', 'transfer', 'close'];
  return roles.includes('UNIT_HEAD') ? [...unit, 'approve', 'refuse', 'reconsider'] : unit;
}

type Dialog = Exclude<CaseAction, 'accept' | 'resume'> | null;

interface CaseViewProps {
  ticket: Ticket;
  reload: () => Promise<void>;
  replace: (ticket: Ticket) => void;
  expectOwnMove: (on: boolean) => void;
  back: () => void;
}

function CaseView({ ticket, reload, replace, expectOwnMove, back }: CaseViewProps) {
  const { t } = useI18n();
  const me = useMe();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { busy, refusal, dismiss, run } = useCaseActions({ ticket, reload, replace, expectOwnMove });
  const enabled = caseActions(ticket, me);
  // a ticket the caller can no longer move (closed, with the police, another unit's turn) shows no buttons
  const shown = Object.values(enabled).some(Boolean) || busy ? shownActions(me.roles, ticket.case.paused !== null) : [];
  const id = ticket.id;
  const closeWhenDone = (done: boolean) => done && setDialog(null);

  const start = (action: CaseAction) => {
    if (!shown.includes(action) || !enabled[action] || busy) return;
    if (action === 'accept') void run('accept', (version) => caseApi.accept(id, version));
    else if (action === 'resume') void run('resume', (version) => caseApi.resume(id, version));
    else setDialog(action);
  };

  const keys: Record<string, () => void> = { Escape: back };
  for (const action of shown) keys[CASE_KEYS[action]] = () => start(action);
  useHotkeys(keys, dialog === null);

  const reportKind = ticket.kind === 'REPORT';
  return (
    <div className="page ticket-page" data-testid="case-view" data-ticket-id={ticket.id} data-version={ticket.version}>
      <div className="ticket-head">
        <TicketHeading ticket={ticket} onBack={back} />
        {shown.length > 0 ? <CaseActionBar shown={shown} enabled={enabled} busy={busy} onAction={start} /> : <Tag data-testid="case-read-only">{t('case.readOnly')}</Tag>}
      </div>
      {refusal && <Alert type="warning" showIcon closable onClose={dismiss} message={refusal.text} data-testid="case-refusal" data-code={refusal.code} />}
      <Row gutter={12} className="ticket-columns">
        <Col span={13} className="ticket-column">
          <Card size="small" title={t('ticket.deadlines')}>
            <CaseDeadlines ticket={ticket} />
          </Card>
          <Card size="small" title={t('case.handling')}>
            <CaseHandling ticket={ticket} />
          </Card>
          <Card size="small" title={t('case.fields')}>
            <TicketFields ticket={ticket} candidates={NO_CANDIDATES} />
          </Card>
          <CreditRecordPanel ticketId={ticket.id} version={ticket.version} />
        </Col>
        <Col span={11} className="ticket-column">
          <Card size="small" className="source-card">
            <Tabs
              className="source-panel"
              size="small"
              items={[
                { key: 'history', label: t('ticket.history'), children: <HistoryTimeline ticketId={ticket.id} version={ticket.version} /> },
                { key: 'findings', label: t('case.findings'), children: <FindingsPanel ticketId={ticket.id} canAdd={enabled.close || enabled.fileCase || enabled.transfer} /> },
                { key: 'subject', label: <span data-testid="tab-subject">{t('case.subjectTickets')}</span>, children: <SubjectTickets ticketId={ticket.id} /> },
                { key: 'attachments', label: t('ticket.attachments'), children: <AttachmentList ticketId={ticket.id} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {dialog === 'return' && (
        <ReasonDialog
          title="case.return.title"
          label="case.return.label"
          placeholder="case.return.placeholder"
          okText="case.action.return"
          testId="return-dialog"
          busy={busy === 'return'}
          onSubmit={(reason) => void run('return', (version) => caseApi.return(id, version, reason)).then(closeWhenDone)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'assist' && (
        <AssistDialog
          exclude={ticket.routing?.assistUnits ?? []}
          busy={busy === 'assist'}
          onSubmit={({ unit, note }) => void run('assist', (version) => caseApi.assist(id, version, unit, note)).then(closeWhenDone)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'fileCase' && (
        <FileCaseDialog
          busy={busy === 'fileCase'}
          onSubmit={(caseNumber) => void run('fileCase', (version) => caseApi.fileCase(id, version, caseNumber)).then(closeWhenDone)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'pause' && (
        <PauseDialog busy={busy === 'pause'} onSubmit={(reason) => void run('pause', (version) => caseApi.pause(id, version, reason)).then(closeWhenDone)} onClose={() => setDialog(null)} />
      )}
      {dialog === 'close' && (
        <CloseDialog
          reportKind={reportKind}
          busy={busy === 'close'}
          onSubmit={(body) => void run('close', (version) => caseApi.close(id, version, body)).then(closeWhenDone)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'transfer' && (
        <ReasonDialog
          title="case.transfer.title"
          label="case.transfer.label"
          placeholder="case.transfer.placeholder"
          testId="transfer-dialog"
          busy={busy === 'transfer'}
          onSubmit={(reason) => void run('transfer', (version) => caseApi.proposeTransfer(id, version, reason)).then(closeWhenDone)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'approve' && (
        <ApproveDialog
          reportKind={reportKind}
          busy={busy === 'approve'}
          onSubmit={(level) => void run('approve', (version) => caseApi.approveTransfer(id, version, level)).then(closeWhenDone)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'refuse' && (
        <ReasonDialog
          title="case.refuse.title"
          label="case.refuse.label"
          placeholder="case.refuse.placeholder"
          okText="case.action.refuse"
          danger
          testId="refuse-dialog"
          busy={busy === 'refuse'}
          onSubmit={(reason) => void run('refuse', (version) => caseApi.refuseTransfer(id, version, reason)).then(closeWhenDone)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'reconsider' && (
        <ReasonDialog
          title="case.reconsider.title"
          label="case.reconsider.label"
          placeholder="case.reconsider.placeholder"
          okText="case.action.reconsider"
          testId="reconsider-dialog"
          busy={busy === 'reconsider'}
          onSubmit={(reason) => void run('reconsider', (version) => caseApi.reconsiderTransfer(id, version, reason)).then(closeWhenDone)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'extend' && (
        <ReasonDialog
          title="case.extend.title"
          label="case.extend.label"
          placeholder="case.extend.placeholder"
          okText="case.action.extend"
          testId="extend-dialog"
          busy={busy === 'extend'}
          onSubmit={(reason) => void run('extend', (version) => caseApi.extendTransfer(id, version, reason)).then(closeWhenDone)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'policeAccept' && (
        <ReasonDialog
          title="case.policeAccept.title"
          label="case.policeAccept.label"
          placeholder="case.policeAccept.placeholder"
          okText="case.action.policeAccept"
          testId="police-accept-dialog"
          busy={busy === 'policeAccept'}
          onSubmit={(reason) => void run('policeAccept', (version) => caseApi.decideTransfer(id, version, 'ACCEPTED', reason)).then(closeWhenDone)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'policeDecline' && (
        <ReasonDialog
          title="case.decline.title"
          label="case.decline.label"
          placeholder="case.decline.placeholder"
          okText="case.action.policeDecline"
          danger
          testId="police-decline-dialog"
          busy={busy === 'policeDecline'}
          onSubmit={(reason) => void run('policeDecline', (version) => caseApi.decideTransfer(id, version, 'DECLINED', reason)).then(closeWhenDone)}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
