import { api } from './client';
import type { Page } from '@hub/contracts';
import type {
  BudgetLine,
  Exclusion,
  LedgerEntry,
  PayeeReveal,
  PayoutAccount,
  PublicStatus,
  PublicTipBody,
  Reconciliation,
  Reward,
  RewardDetail,
  TipReceipt,
} from './rewards-types';

const id = encodeURIComponent;

export interface Lookup {
  trackingCode: string;
  pin: string;
}

/** The tipster's side: no login, code and PIN only. */
export const portalApi = {
  submit(body: PublicTipBody, files: File[]): Promise<TipReceipt> {
    if (files.length === 0) return api.publicPost<TipReceipt>('/public/tips', body);
    const form = new FormData();
    form.append('tip', JSON.stringify(body));
    for (const file of files) form.append('files', file, file.name);
    return api.publicPost<TipReceipt>('/public/tips', form);
  },
  status: (lookup: Lookup) => api.publicPost<PublicStatus>('/public/tips/status', lookup),
  claim: (lookup: Lookup, payout: PayoutAccount) => api.publicPost<PublicStatus>('/public/tips/claim', { ...lookup, payout }),
};

export interface RewardFilters {
  state?: string;
  department?: string;
  ticketId?: string;
}

export interface LedgerFilters {
  department?: string;
  year?: string;
  rewardId?: string;
}

/** REWARD_OFFICER and FINANCE (ADMIN grants budgets; SUPERVISOR reads them). See docs/rewards-api.md. */
export const rewardsApi = {
  list: (filters: RewardFilters, cursor?: string | null, limit = 50) => api.get<Page<Reward>>('/rewards', { ...filters, cursor, limit }),
  get: (rewardId: string) => api.get<RewardDetail>(`/rewards/${id(rewardId)}`),
  approve: (rewardId: string, reason?: string) => api.post<Reward>(`/rewards/${id(rewardId)}/approve`, { reason: reason || undefined }),
  reject: (rewardId: string, reason: string, exclusion?: Exclusion) => api.post<Reward>(`/rewards/${id(rewardId)}/reject`, { reason, exclusion }),
  pay: (rewardId: string, voucherNumber: string) => api.post<Reward>(`/rewards/${id(rewardId)}/pay`, { voucherNumber }),
  revealPayee: (rewardId: string, reason: string) => api.post<PayeeReveal>(`/rewards/${id(rewardId)}/payee/reveal`, { reason }),
  budgets: (year: number) => api.get<{ items: BudgetLine[] }>('/budgets', { year }),
  grant: (department: string, year: number, amountFen: number, note?: string) => api.post<LedgerEntry>('/budgets', { department, year, amountFen, note: note || undefined }),
  ledger: (filters: LedgerFilters, cursor?: string | null, limit = 100) =>
    api.get<Omit<Page<LedgerEntry>, 'total'> & { total?: number }>('/rewards/ledger', { ...filters, cursor, limit }),
  reconciliation: (year?: number) => api.get<Reconciliation>('/rewards/reconciliation', { year }),
};
