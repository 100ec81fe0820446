import { ROLES, Role } from '@hub/auth/roles';

/**
 * Who may do what: every route of the OpenAPI document and every socket event, for every
 * role working in the ticket's unit ("own") or in another unit ("other"), and for a caller
 * without a token. access-matrix.e2e-spec.ts runs each cell against the real app; a route
 * in the document that is missing here (or a row for a route that no longer exists) fails it.
 *
 * A row gives the rule; `except` lists the cells that differ from it.
 */

export type Scope = 'own' | 'other';
export type Cell = `${Role}/${Scope}` | 'anonymous';
/** 'allow': the access checks let the call through (2xx, or a 4xx of the request itself such as 409/422). */
export type Expected = 'allow' | 401 | 403 | 404;
/** Which resources of the route a role sees: every unit's, its own unit's only (another unit's answers 404), or none (404). */
export type Sight = 'all' | 'own' | 'none';

/** The records the requests point at, made by the spec through the API. */
export interface Fixtures {
  /** a named complaint dispatched to AIC@220100 */
  ticket: string;
  /** a report with an evidence file, dispatched to AIC@220100 */
  fileTicket: string;
  attachment: string;
  /** a feed request that could not be read */
  feedRecord: string;
  ruleSetVersion: number;
  /** a half-year report run of AIC@220100, asked for by a supervisor (not built: no worker runs here) */
  reportRun: string;
}

export interface CallSpec {
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteAccess {
  /** who passes the role check: no login needed, any staff, or these roles (every other role: 403) */
  roles: 'public' | 'staff' | readonly Role[];
  /** for resources of a unit: what each allowed role sees (roles not listed see none); omitted: all */
  sees?: Partial<Record<Role, Sight>>;
  except?: Partial<Record<Cell, Expected>>;
  call?: (fx: Fixtures) => CallSpec;
  /** the call ends the caller's session: it is made with a token of its own */
  spendsToken?: true;
}

/** contracts.md Visibility, for a ticket dispatched to a department unit (no reward, no police transfer, no crime flag). */
const DISPATCHED_TICKET: Partial<Record<Role, Sight>> = { OPERATOR: 'all', SUPERVISOR: 'all', HANDLER: 'own', UNIT_HEAD: 'own' };
const onTicket = (fx: Fixtures): CallSpec => ({ params: { id: fx.ticket } });
const onFileTicket = (fx: Fixtures): CallSpec => ({ params: { id: fx.fileTicket, attachmentId: fx.attachment } });
const onFeedRecord = (fx: Fixtures): CallSpec => ({ params: { id: fx.feedRecord } });
/** A body the validation refuses: it reaches validation only past the role check. */
const emptyBody = (): CallSpec => ({ body: {} });
const OPERATOR_DESK = ['OPERATOR', 'SUPERVISOR'] as const;
/** A stale version: the call gets past every access check, then changes nothing (409). */
const STALE = 999999;
const caseMove = (body: Record<string, unknown>) => (fx: Fixtures): CallSpec => ({ params: { id: fx.ticket }, body: { version: STALE, ...body } });
/** The lead unit's staff act on its case; whoever else sees the ticket is told no. */
const LEAD_STAFF_ONLY: Partial<Record<Cell, Expected>> = { 'OPERATOR/own': 403, 'OPERATOR/other': 403, 'SUPERVISOR/own': 403, 'SUPERVISOR/other': 403 };
const LEAD_HEAD_ONLY: Partial<Record<Cell, Expected>> = { ...LEAD_STAFF_ONLY, 'HANDLER/own': 403 };
/** Only the police unit a case was transferred to acts on it; this one was not transferred. */
const POLICE_ONLY: Partial<Record<Cell, Expected>> = { ...LEAD_STAFF_ONLY, 'HANDLER/own': 403, 'UNIT_HEAD/own': 403 };
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const REWARD_DESK = ['REWARD_OFFICER', 'FINANCE'] as const;
const REWARD_READERS = ['REWARD_OFFICER', 'FINANCE', 'SUPERVISOR', 'ADMIN'] as const;
const RECORD_READERS = ['OPERATOR', 'SUPERVISOR', 'ADMIN'] as const;
/** credit records of subjects: the desk, the supervisors, unit staff and admins */
const SUBJECT_READERS = ['OPERATOR', 'SUPERVISOR', 'HANDLER', 'UNIT_HEAD', 'ADMIN'] as const;
/** half-year reports: supervisors of every scope, unit heads of their own unit's */
const REPORT_READERS = ['SUPERVISOR', 'UNIT_HEAD'] as const;
const REPORT_SIGHT: Partial<Record<Role, Sight>> = { SUPERVISOR: 'all', UNIT_HEAD: 'own' };
/** a half year that has ended, whenever the test runs */
export const ENDED_HALF = { year: new Date().getUTCFullYear() - 1, half: 'H2' } as const;

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  'POST /api/v1/tickets/{id}/accept': { roles: 'staff', sees: DISPATCHED_TICKET, except: LEAD_STAFF_ONLY, call: caseMove({}) },
  'POST /api/v1/tickets/{id}/return': { roles: 'staff', sees: DISPATCHED_TICKET, except: LEAD_STAFF_ONLY, call: caseMove({ reason: '不属于本单位职责' }) },
  'POST /api/v1/tickets/{id}/assist': { roles: 'staff', sees: DISPATCHED_TICKET, except: LEAD_STAFF_ONLY, call: caseMove({ unit: 'FSO@220100', note: '请协助抽样检验' }) },
  'POST /api/v1/tickets/{id}/file-case': { roles: 'staff', sees: DISPATCHED_TICKET, except: LEAD_STAFF_ONLY, call: caseMove({ caseNumber: '长市监立〔2026〕118号' }) },
  'POST /api/v1/tickets/{id}/pause': { roles: 'staff', sees: DISPATCHED_TICKET, except: LEAD_STAFF_ONLY, call: caseMove({ reason: 'TESTING' }) },
  'POST /api/v1/tickets/{id}/resume': { roles: 'staff', sees: DISPATCHED_TICKET, except: LEAD_STAFF_ONLY, call: caseMove({}) },
  'POST /api/v1/tickets/{id}/close': { roles: 'staff', sees: DISPATCHED_TICKET, except: LEAD_STAFF_ONLY, call: caseMove({ outcome: 'NO_CASE', reason: '经核查不属实' }) },
  'POST /api/v1/tickets/{id}/transfer': { roles: 'staff', sees: DISPATCHED_TICKET, except: LEAD_STAFF_ONLY, call: caseMove({ reason: '涉嫌犯罪，建议移送' }) },
  'POST /api/v1/tickets/{id}/transfer/approve': { roles: 'staff', sees: DISPATCHED_TICKET, except: LEAD_HEAD_ONLY, call: caseMove({}) },
  'POST /api/v1/tickets/{id}/transfer/refuse': { roles: 'staff', sees: DISPATCHED_TICKET, except: LEAD_HEAD_ONLY, call: caseMove({ reason: '证据不足' }) },
  'POST /api/v1/tickets/{id}/transfer/reconsider': { roles: 'staff', sees: DISPATCHED_TICKET, except: LEAD_HEAD_ONLY, call: caseMove({ reason: '请复议' }) },
  'POST /api/v1/tickets/{id}/transfer/decide': { roles: 'staff', sees: DISPATCHED_TICKET, except: POLICE_ONLY, call: caseMove({ reason: '不予立案', decision: 'DECLINED' }) },
  'POST /api/v1/tickets/{id}/transfer/extend': { roles: 'staff', sees: DISPATCHED_TICKET, except: POLICE_ONLY, call: caseMove({ reason: '需要补充调查' }) },
  'GET /api/v1/tickets/{id}/subject-tickets': { roles: 'staff', sees: DISPATCHED_TICKET, call: onTicket },
  'GET /api/v1/tickets/{id}/findings': { roles: 'staff', sees: DISPATCHED_TICKET, call: onTicket },
  'POST /api/v1/tickets/{id}/findings': { roles: 'staff', sees: DISPATCHED_TICKET, except: LEAD_STAFF_ONLY, call: (fx) => ({ params: { id: fx.ticket }, body: { text: '现场检查发现涉事奶粉 32 罐' } }) },
  'GET /api/v1/workbench/tickets': { roles: ['HANDLER', 'UNIT_HEAD'] },
  'GET /api/v1/workbench/overdue': { roles: ['UNIT_HEAD', 'SUPERVISOR'] },
  'GET /api/v1/oversight/transfers': { roles: ['PROSECUTOR'] },
  'GET /api/v1/police/transfers': { roles: ['POLICE_LIAISON'] },

  // one unit's figures: the supervisor any unit's, a unit head their own (another unit's: 404)
  'GET /api/v1/supervision/dashboard': {
    roles: ['SUPERVISOR', 'UNIT_HEAD'],
    sees: { SUPERVISOR: 'all', UNIT_HEAD: 'own' },
    call: () => ({ query: { from: '2026-03-01', to: '2026-03-31', unit: 'AIC@220100' } }),
  },
  'GET /api/v1/supervision/assessment': { roles: ['SUPERVISOR'], call: () => ({ query: { from: '2026-03-01', to: '2026-03-31' } }) },

  'GET /api/v1/notifications': { roles: 'staff' },
  'POST /api/v1/notifications/read-all': { roles: 'staff' },
  // a notice of no one: 404 whoever asks
  'POST /api/v1/notifications/{id}/read': { roles: 'staff', sees: {}, call: () => ({ params: { id: NO_SUCH_ID } }) },

  'POST /api/v1/reports': { roles: REPORT_READERS, sees: REPORT_SIGHT, call: () => ({ body: { scope: 'AIC@220100', ...ENDED_HALF } }) },
  'GET /api/v1/reports': { roles: REPORT_READERS },
  'GET /api/v1/reports/{id}': { roles: REPORT_READERS, sees: REPORT_SIGHT, call: (fx) => ({ params: { id: fx.reportRun } }) },
  // no files before the run is built: 404 whoever asks past the role check
  'GET /api/v1/reports/{id}/file.xlsx': { roles: REPORT_READERS, sees: {}, call: (fx) => ({ params: { id: fx.reportRun } }) },
  'GET /api/v1/reports/{id}/file.pdf': { roles: REPORT_READERS, sees: {}, call: (fx) => ({ params: { id: fx.reportRun } }) },

  'GET /api/v1/calendar': { roles: ['ADMIN'] },
  'GET /api/v1/calendar/days': { roles: ['ADMIN'], call: () => ({ query: { year: '2026' } }) },
  'POST /api/v1/calendar/days': { roles: ['ADMIN'], call: emptyBody },
  'POST /api/v1/calendar/years': { roles: ['ADMIN'], call: emptyBody },
  // nothing was entered for 2099: past the role check, the admin is told so (404)
  'DELETE /api/v1/calendar/days/{date}': { roles: ['ADMIN'], sees: {}, call: () => ({ params: { date: '2099-01-01' } }) },
  'DELETE /api/v1/calendar/years/{year}': { roles: ['ADMIN'], sees: {}, call: () => ({ params: { year: 2099 } }) },

  'POST /api/v1/public/tips': { roles: 'public', call: emptyBody },
  'POST /api/v1/public/tips/status': { roles: 'public', call: emptyBody },
  'POST /api/v1/public/tips/claim': { roles: 'public', call: emptyBody },

  'GET /api/v1/tickets/{id}/credit-record': { roles: 'staff', sees: DISPATCHED_TICKET, call: onTicket },
  'GET /api/v1/records/subjects': { roles: SUBJECT_READERS },
  // no subject has a record in the fixtures: past the role check, 404
  'GET /api/v1/records/subjects/{id}': { roles: SUBJECT_READERS, sees: {}, call: () => ({ params: { id: NO_SUCH_ID } }) },
  'POST /api/v1/records/blacklist': { roles: ['ADMIN'], call: emptyBody },
  'POST /api/v1/records/blacklist/{id}/delist': { roles: ['ADMIN'], call: () => ({ params: { id: NO_SUCH_ID }, body: {} }) },
  'GET /api/v1/public/penalties': { roles: 'public' },
  // trend alerts: supervisors only; no alert exists in the fixtures, so acknowledging one answers 404
  'GET /api/v1/trends/alerts': { roles: ['SUPERVISOR'], call: () => ({ query: { status: 'OPEN' } }) },
  'POST /api/v1/trends/alerts/{id}/acknowledge': { roles: ['SUPERVISOR'], sees: {}, call: () => ({ params: { id: NO_SUCH_ID } }) },
  'POST /api/v1/trends/scan': { roles: ['SUPERVISOR'] },
  'GET /api/v1/public/blacklist': { roles: 'public' },

  'GET /api/v1/rewards': { roles: REWARD_DESK },
  'GET /api/v1/rewards/ledger': { roles: REWARD_READERS },
  'GET /api/v1/rewards/reconciliation': { roles: REWARD_READERS },
  // no reward exists in the fixtures: the desk gets 404, everyone else is refused by role first
  'GET /api/v1/rewards/{id}': { roles: REWARD_DESK, sees: {}, call: () => ({ params: { id: NO_SUCH_ID } }) },
  'POST /api/v1/rewards/{id}/approve': { roles: REWARD_DESK, call: () => ({ params: { id: NO_SUCH_ID }, body: {} }), sees: {} },
  'POST /api/v1/rewards/{id}/reject': { roles: REWARD_DESK, call: () => ({ params: { id: NO_SUCH_ID }, body: {} }) },
  'POST /api/v1/rewards/{id}/pay': { roles: ['REWARD_OFFICER'], call: () => ({ params: { id: NO_SUCH_ID }, body: {} }) },
  'POST /api/v1/rewards/{id}/payee/reveal': { roles: ['REWARD_OFFICER'], call: () => ({ params: { id: NO_SUCH_ID }, body: {} }) },
  'POST /api/v1/budgets': { roles: ['ADMIN'], call: emptyBody },
  'GET /api/v1/budgets': { roles: REWARD_READERS, call: () => ({ query: { year: '2026' } }) },

  'GET /health': { roles: 'public' },
  'POST /api/v1/auth/login': { roles: 'public', call: emptyBody },
  'POST /api/v1/auth/refresh': { roles: 'public', call: emptyBody },
  'POST /api/v1/auth/logout': { roles: 'staff', spendsToken: true },
  'GET /api/v1/me': { roles: 'staff' },
  'GET /api/v1/taxonomy': { roles: 'staff' },
  'POST /api/v1/users': { roles: ['ADMIN'], call: emptyBody },

  'POST /api/v1/intake/{feed}': {
    roles: 'public',
    call: () => ({ params: { feed: '12315' }, headers: { 'X-Feed-Key': 'dev-key-12315' }, body: { gdbh: 'MATRIX-INTAKE', ldsj: '2026-03-15 09:12:33', sjlx: '投诉', sqnr: '奶粉生产日期被涂改' } }),
  },
  'GET /api/v1/tickets': { roles: 'staff', call: () => ({ query: { feed: '12315', externalId: 'MATRIX-1' } }) },
  'GET /api/v1/tickets/{id}': { roles: 'staff', sees: DISPATCHED_TICKET, call: onTicket },
  'GET /api/v1/tickets/{id}/history': { roles: 'staff', sees: DISPATCHED_TICKET, call: onTicket },
  'GET /api/v1/tickets/{id}/raw': { roles: 'staff', sees: DISPATCHED_TICKET, call: onTicket },
  'GET /api/v1/tickets/{id}/attachments': { roles: 'staff', sees: DISPATCHED_TICKET, call: onFileTicket },
  'GET /api/v1/tickets/{id}/attachments/{attachmentId}': { roles: 'staff', sees: DISPATCHED_TICKET, call: onFileTicket },
  'POST /api/v1/tickets/{id}/reporter/reveal': {
    roles: 'staff',
    sees: DISPATCHED_TICKET,
    // only the lead unit's handler reveals; whoever else sees the ticket is told no
    except: { 'OPERATOR/own': 403, 'OPERATOR/other': 403, 'SUPERVISOR/own': 403, 'SUPERVISOR/other': 403, 'UNIT_HEAD/own': 403 },
    call: (fx) => ({ params: { id: fx.ticket }, body: { reason: '调解需要联系投诉人' } }),
  },

  'GET /api/v1/feed-records': { roles: RECORD_READERS, call: () => ({ query: { state: 'UNREADABLE' } }) },
  'GET /api/v1/feed-records/{id}': { roles: RECORD_READERS, call: onFeedRecord },
  'GET /api/v1/feed-records/{id}/body': { roles: RECORD_READERS, call: onFeedRecord },
  'POST /api/v1/feed-records/{id}/rerun': { roles: ['OPERATOR', 'ADMIN'], call: onFeedRecord },
  'POST /api/v1/feed-records/{id}/discard': { roles: ['OPERATOR', 'ADMIN'], call: (fx) => ({ params: { id: fx.feedRecord }, body: { reason: '测试' } }) },

  'GET /api/v1/routing/rule-sets': { roles: ['ADMIN', 'SUPERVISOR'] },
  'POST /api/v1/routing/rule-sets': { roles: ['ADMIN'], call: emptyBody },
  'GET /api/v1/routing/rule-sets/{version}': { roles: ['ADMIN', 'SUPERVISOR'], call: (fx) => ({ params: { version: fx.ruleSetVersion } }) },
  'POST /api/v1/routing/rule-sets/validate': { roles: ['ADMIN'], call: emptyBody },
  'POST /api/v1/routing/rule-sets/{version}/activate': { roles: ['ADMIN'], call: (fx) => ({ params: { version: fx.ruleSetVersion } }) },
  'POST /api/v1/routing/what-if': { roles: ['ADMIN', 'SUPERVISOR'], call: emptyBody },
  'GET /api/v1/routing/classifiers': { roles: ['ADMIN', 'SUPERVISOR'] },
  'POST /api/v1/routing/classifiers/retrain': { roles: ['ADMIN'] },

  'GET /api/v1/console/tickets': { roles: OPERATOR_DESK },
  'GET /api/v1/console/triage': { roles: OPERATOR_DESK },
  'GET /api/v1/console/counters': { roles: OPERATOR_DESK },
  'GET /api/v1/console/suggest/subjects': { roles: ['OPERATOR'], call: () => ({ query: { q: '超市' } }) },
  'GET /api/v1/console/suggest/region': { roles: ['OPERATOR'], call: () => ({ query: { text: '长春市朝阳区' } }) },
  'POST /api/v1/console/tickets': { roles: ['OPERATOR'], call: emptyBody },
  'POST /api/v1/console/tickets/{id}/claim': { roles: ['OPERATOR'], call: onTicket },
  'POST /api/v1/console/tickets/{id}/release': { roles: ['OPERATOR'], call: onTicket },
  'POST /api/v1/console/tickets/{id}/decide': { roles: ['OPERATOR'], call: (fx) => ({ params: { id: fx.ticket }, body: {} }) },
  'POST /api/v1/console/tickets/{id}/merge': { roles: ['OPERATOR'], call: (fx) => ({ params: { id: fx.ticket }, body: {} }) },
  'POST /api/v1/console/tickets/{id}/discard': { roles: ['OPERATOR'], call: (fx) => ({ params: { id: fx.ticket }, body: {} }) },
};

export const CELLS: Cell[] = [...ROLES.flatMap((role) => [`${role}/own`, `${role}/other`] as Cell[]), 'anonymous'];

export function expectedFor(rule: RouteAccess, cell: Cell): Expected {
  const exception = rule.except?.[cell];
  if (exception !== undefined) return exception;
  if (rule.roles === 'public') return 'allow';
  if (cell === 'anonymous') return 401;
  const [role, scope] = cell.split('/') as [Role, Scope];
  if (rule.roles !== 'staff' && !rule.roles.includes(role)) return 403;
  const sight = rule.sees ? (rule.sees[role] ?? 'none') : 'all';
  if (sight === 'all' || (sight === 'own' && scope === 'own')) return 'allow';
  return 404;
}

/** The unit a role's staff member works in, in the ticket's unit or another. */
export function unitFor(role: Role, scope: Scope): string {
  if (role === 'POLICE_LIAISON') return scope === 'own' ? 'POLICE@220100' : 'POLICE@220300';
  return scope === 'own' ? 'AIC@220100' : 'QTS@220300';
}

export type SocketEvent = 'ticket.created' | 'ticket.updated' | 'claim.changed' | 'counters' | 'notification';

/**
 * Which connected staff receive each event, for a ticket dispatched to the "own" unit, accepted
 * there and proposed for a police transfer by its handler.
 * Roles not listed receive nothing; a socket without a valid token is refused at handshake.
 */
export const SOCKET_ACCESS: Record<SocketEvent, Partial<Record<Role, Sight>>> = {
  // a new ticket belongs to no unit yet
  'ticket.created': { OPERATOR: 'all', SUPERVISOR: 'all' },
  'ticket.updated': { OPERATOR: 'all', SUPERVISOR: 'all', HANDLER: 'own', UNIT_HEAD: 'own' },
  'claim.changed': { OPERATOR: 'all', SUPERVISOR: 'all' },
  counters: { OPERATOR: 'all', SUPERVISOR: 'all' },
  // the proposed transfer waits for the head of the lead unit
  notification: { UNIT_HEAD: 'own' },
};

export function receives(event: SocketEvent, cell: Exclude<Cell, 'anonymous'>): boolean {
  const [role, scope] = cell.split('/') as [Role, Scope];
  const sight = SOCKET_ACCESS[event][role] ?? 'none';
  return sight === 'all' || (sight === 'own' && scope === 'own');
}
