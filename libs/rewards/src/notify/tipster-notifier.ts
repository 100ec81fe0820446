import { Logger } from '@nestjs/common';
import { AppConfig } from '@hub/core';
import { maskPhone } from '@hub/taxonomy/masking';
import { noticeText, TipsterNotice } from './tipster-notice';

/** Tells a tipster their tracking code and PIN, or that a reward awaits them. */
export abstract class TipsterNotifier {
  abstract send(notice: TipsterNotice): Promise<void>;
}

/** Development: a log line saying what would be sent, never the PIN's digits nor the whole phone. */
export class LoggingTipsterNotifier extends TipsterNotifier {
  private readonly logger = new Logger('TipsterNotifier');

  async send(notice: TipsterNotice): Promise<void> {
    const { kind, trackingCode } = notice;
    const detail = notice.kind === 'RECEIPT' ? { pinDigits: notice.pin.length } : { amountFen: notice.amountFen, claimBy: notice.claimBy.toISOString() };
    this.logger.log({ notice: kind, to: maskPhone(notice.phoneE164), trackingCode, ...detail }, 'tipster notice (development: not sent)');
  }
}

/** Production: the province's SMS gateway (JSON POST with a bearer key). */
export class SmsGatewayTipsterNotifier extends TipsterNotifier {
  constructor(
    private readonly url: string,
    private readonly key: string | undefined,
    private readonly timeoutMs = 10_000,
  ) {
    super();
  }

  async send(notice: TipsterNotice): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(this.key ? { Authorization: `Bearer ${this.key}` } : {}) },
      body: JSON.stringify({ to: notice.phoneE164, text: noticeText(notice) }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
  }
}

export const tipsterNotifierProvider = {
  provide: TipsterNotifier,
  inject: [AppConfig],
  useFactory: (config: AppConfig): TipsterNotifier =>
    config.env.SMS_GATEWAY_URL ? new SmsGatewayTipsterNotifier(config.env.SMS_GATEWAY_URL, config.env.SMS_GATEWAY_KEY) : new LoggingTipsterNotifier(),
};
