import { maskEmail, maskIdNumber, maskName, maskPhone } from '@hub/taxonomy';
import type { ReporterDraft } from './ticket-draft';
import type { ReporterMasked, ReporterSecret } from './ticket.entity';

export interface SealedReporter {
  secret: ReporterSecret | null;
  masked: ReporterMasked;
}

/** Splits reporter data into what is sealed (encrypted) and what any role may see (masks). */
export function sealReporter(reporter: ReporterDraft): SealedReporter {
  const secret: ReporterSecret = {
    name: reporter.name,
    phone: reporter.phone,
    phoneE164: reporter.phoneE164,
    idNumber: reporter.idNumber,
    idNumberValid: reporter.idNumberValid,
    email: reporter.email,
  };
  const hasAny = Object.values(secret).some((v) => v !== null && v !== undefined);
  const masked: ReporterMasked = {
    // an anonymous reporter withheld their identity: their name is never shown, even masked
    name: reporter.anonymous || !reporter.name ? null : maskName(reporter.name),
    phone: reporter.phoneE164 ? maskPhone(reporter.phoneE164) : reporter.phone ? maskPhone(reporter.phone) : null,
    idNumber: reporter.anonymous || !reporter.idNumber ? null : maskIdNumber(reporter.idNumber),
    email: reporter.email ? maskEmail(reporter.email) : null,
  };
  return { secret: hasAny ? secret : null, masked };
}
