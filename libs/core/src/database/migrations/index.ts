import { InitialSchema1764460800000 } from './1764460800000-initial-schema';
import { Routing1764547200000 } from './1764547200000-routing';
import { Console1764633600000 } from './1764633600000-console';
import { Cases1764720000000 } from './1764720000000-cases';
import { Rewards1764806400000 } from './1764806400000-rewards';
import { SealedRawBodies1764892800000 } from './1764892800000-sealed-raw-bodies';
import { StaffSessions1764979200000 } from './1764979200000-staff-sessions';
import { HistoryChain1764979200001 } from './1764979200001-history-chain';
import { PipelineSpeed1765065600000 } from './1765065600000-pipeline-speed';
import { HistoryIndexes1765065600001 } from './1765065600001-history-indexes';
import { Records1765152000000 } from './1765152000000-records';
import { Supervision1765238400000 } from './1765238400000-supervision';
import { Trends1765238400001 } from './1765238400001-trends';
import { Reports1765238400002 } from './1765238400002-reports';
import { Search1765238400003 } from './1765238400003-search';
import { SealedAttachments1765238400004 } from './1765238400004-sealed-attachments';
import { TicketTexts1765238400005 } from './1765238400005-ticket-texts';
import { OpenTicketIndexes1765324800000 } from './1765324800000-open-ticket-indexes';
import { TicketTextsReceivedAt1765411200000 } from './1765411200000-ticket-texts-received-at';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [
  InitialSchema1764460800000,
  Routing1764547200000,
  Console1764633600000,
  Cases1764720000000,
  Rewards1764806400000,
  SealedRawBodies1764892800000,
  StaffSessions1764979200000,
  HistoryChain1764979200001,
  PipelineSpeed1765065600000,
  HistoryIndexes1765065600001,
  Records1765152000000,
  Supervision1765238400000,
  Trends1765238400001,
  Reports1765238400002,
  Search1765238400003,
  SealedAttachments1765238400004,
  TicketTexts1765238400005,
  OpenTicketIndexes1765324800000,
  TicketTextsReceivedAt1765411200000,
];
