import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError, ErrorDetail, flattenValidationErrors, Invalid } from '@hub/core';
import type { FeedRecord } from '@hub/intake/adapters/feed-record';
import { normaliseRecord } from '@hub/intake/normalise/normalise-record';
import { isRegionCode } from '@hub/taxonomy';
import { TicketStore } from '@hub/tickets';
import { RewardsService } from '../rewards/rewards.service';
import { RewardRecords } from '../rewards/reward-records.service';
import { rewardStateText, tipStatusText } from './status-text';
import { ClaimRewardDto, SubmitTipDto, TipLookupDto, TipReceiptDto, TipStatusDto } from './public-tips.dto';
import { TipLookupLimits } from './tip-lookup-limits';
import { TipReceipts } from './tip-receipts.service';
import type { TipFile } from './tip-upload';

const PORTAL_ACTOR = { id: null, name: 'portal' };

/** The same answer for an unknown code and a wrong PIN: nothing tells them apart. */
const tipNotFound = () => new DomainError('TIP_NOT_FOUND', '查询码或查询密码不正确', 404);

/** The public portal: tips without login, and the tipster's own view of them by tracking code and PIN. */
@Injectable()
export class PublicTipsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: TicketStore,
    private readonly receipts: TipReceipts,
    private readonly limits: TipLookupLimits,
    private readonly records: RewardRecords,
    private readonly rewards: RewardsService,
  ) {}

  /** Validates a tip (JSON body or the multipart `tip` field) as the DTO pipe would, with field details. */
  async parseTip(body: unknown): Promise<SubmitTipDto> {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw Invalid('The tip must be a JSON object', [{ field: 'tip', message: '举报内容格式不正确' }]);
    const dto = plainToInstance(SubmitTipDto, body);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    const details = [...flattenValidationErrors(errors), ...semanticErrors(dto)];
    if (details.length > 0) throw Invalid('The tip is invalid', details);
    return dto;
  }

  /** Stores the tip as a WEB ticket (sent down the pipeline like any feed's) with its receipt. */
  async submit(dto: SubmitTipDto, files: TipFile[], clientAddress: string): Promise<TipReceiptDto> {
    await this.limits.countSubmission(clientAddress);
    const draft = normaliseRecord('WEB', tipRecord(dto, files));
    if ((!dto.reporter.anonymous || draft.reporter.phone) && !draft.reporter.phoneE164) throw Invalid('The phone number is not a valid Chinese number', [{ field: 'reporter.phone', message: '请填写有效的手机或固定电话号码' }]);
    const { pin, hash } = await this.receipts.newPinWithHash();
    const stored = await this.db.transaction(async (tx) => {
      const outcome = await this.store.store(tx, draft, { rawId: null, rawIndex: 0, actor: PORTAL_ACTOR });
      await this.receipts.store(tx, outcome.ticketId, hash, 'PORTAL');
      return outcome;
    });
    return { trackingCode: stored.trackingCode, pin };
  }

  async status(dto: TipLookupDto, clientAddress: string): Promise<TipStatusDto> {
    const ticketId = await this.authenticate(dto, clientAddress);
    return this.statusOf(ticketId);
  }

  async claim(dto: ClaimRewardDto, clientAddress: string): Promise<TipStatusDto> {
    const ticketId = await this.authenticate(dto, clientAddress);
    await this.rewards.claim(ticketId, { ...dto.payout, idNumber: dto.payout.idNumber.toUpperCase() });
    return this.statusOf(ticketId);
  }

  private async authenticate(dto: TipLookupDto, clientAddress: string): Promise<string> {
    await this.limits.assertLookupAllowed(dto.trackingCode, clientAddress);
    const ticketId = await this.receipts.verify(dto.trackingCode, dto.pin);
    if (ticketId) return ticketId;
    await this.limits.recordLookupFailure(dto.trackingCode, clientAddress);
    throw tipNotFound();
  }

  private async statusOf(ticketId: string): Promise<TipStatusDto> {
    const own = await this.ticketState(ticketId);
    // a merged ticket's tipster follows the ticket it was merged into
    let shown = own;
    for (let hops = 0; shown.status === 'MERGED' && shown.duplicateOf && hops < 5; hops++) shown = await this.ticketState(shown.duplicateOf);
    const reward = await this.records.findByTicket(ticketId);
    const statusText = shown === own ? tipStatusText(own.status) : `${tipStatusText('MERGED')}：${tipStatusText(shown.status)}`;
    return {
      trackingCode: own.trackingCode,
      status: shown.status,
      statusText,
      updatedAt: (shown.updatedAt > own.updatedAt ? shown.updatedAt : own.updatedAt).toISOString(),
      reward: reward
        ? {
            state: reward.state,
            stateText: rewardStateText(reward.state),
            amountFen: reward.amountFen,
            claimBy: reward.claimBy,
            claimedAt: reward.claimedAt,
            paidAt: reward.paidAt,
          }
        : null,
    };
  }

  private async ticketState(ticketId: string) {
    const [t]: Array<{ tracking_code: string; status: string; duplicate_of: string | null; updated_at: Date }> = await this.db.query(
      `SELECT tracking_code, status, duplicate_of, updated_at FROM tickets WHERE id = $1`,
      [ticketId],
    );
    return { trackingCode: t.tracking_code, status: t.status, duplicateOf: t.duplicate_of, updatedAt: t.updated_at };
  }
}

/** Checks beyond the DTO's: a region of the province. */
function semanticErrors(dto: SubmitTipDto): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (dto.regionCode && /^\d{6}$/.test(dto.regionCode) && !isRegionCode(dto.regionCode)) errors.push({ field: 'regionCode', message: '不是本省的地区代码' });
  return errors;
}

function tipRecord(dto: SubmitTipDto, files: TipFile[]): FeedRecord {
  const text = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);
  const named = !dto.reporter.anonymous;
  return {
    externalId: `WEB-${randomUUID()}`,
    receivedAt: new Date(),
    kind: dto.kind,
    kindSource: 'FEED',
    channel: 'WEB',
    reporter: {
      anonymous: dto.reporter.anonymous,
      name: named ? text(dto.reporter.name) : null,
      phone: text(dto.reporter.phone),
      idNumber: text(dto.reporter.idNumber),
      email: null,
    },
    subject: { name: text(dto.subject?.name), uscc: text(dto.subject?.uscc), address: text(dto.subject?.address) },
    declaredRegionCode: text(dto.regionCode),
    placeName: null,
    productName: text(dto.productName),
    description: dto.description,
    attachments: files.map((f) => ({ fileName: f.fileName, mimeType: f.mimeType, content: f.content, url: null })),
    replyTo: [],
    extras: {},
  };
}
