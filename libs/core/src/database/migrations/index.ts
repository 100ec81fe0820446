import { InitialSchema1764460800000 } from './1764460800000-initial-schema';
import { Routing1764547200000 } from './1764547200000-routing';
import { Console1764633600000 } from './1764633600000-console';
import { Cases1764720000000 } from './1764720000000-cases';
import { Rewards1764806400000 } from './1764806400000-rewards';
import { StaffSessions1764979200000 } from './1764979200000-staff-sessions';
import { HistoryChain1764979200001 } from './1764979200001-history-chain';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [InitialSchema1764460800000, Routing1764547200000, Console1764633600000, Cases1764720000000, Rewards1764806400000, StaffSessions1764979200000, HistoryChain1764979200001];
