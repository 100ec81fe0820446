/**
 * Trend watch (定期研判): alerts raised when a subject, a product or a region gets far more
 * tickets in the recent window than its own usual rate. Import-free.
 */

export const TREND_KEY_KINDS = ['SUBJECT', 'PRODUCT', 'REGION'] as const;
export type TrendKeyKind = (typeof TREND_KEY_KINDS)[number];

export const TREND_ALERT_STATUSES = ['OPEN', 'ACKNOWLEDGED'] as const;
export type TrendAlertStatus = (typeof TREND_ALERT_STATUSES)[number];

export interface TrendAlertView {
  id: string;
  keyKind: TrendKeyKind;
  /** `uscc:…` or `name:<region>:<name>` for a subject, the folded product name, the region code */
  key: string;
  /** what people read: the subject's or product's name as a hotline wrote it, the region's name */
  label: string;
  /** the window the observed count covers */
  windowStart: string;
  windowEnd: string;
  /** tickets in the window */
  observed: number;
  /** tickets the key's own baseline rate predicts for a window of that length */
  expected: number;
  /** one-sided Poisson p-value of observing at least `observed` */
  pValue: number;
  /** -log10(pValue), for sorting and display */
  score: number;
  /** the hotlines (feeds) the window's tickets came from */
  hotlines: string[];
  status: TrendAlertStatus;
  /** first raised */
  raisedAt: string;
  /** last time the watch found it (figures refreshed) */
  updatedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface TrendAlertsPage {
  items: TrendAlertView[];
}

/** socket.io `/console` event for SUPERVISORs: an alert raised, grown, reopened or acknowledged. */
export const TREND_ALERT_EVENT = 'trend.alert' as const;
export type TrendAlertEvent = TrendAlertView;

/** Answer of a trend scan queued by hand. */
export interface TrendScanQueued {
  queued: true;
}
