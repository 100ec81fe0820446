/** What the system tells a tipster outside the portal. */
export type TipsterNotice =
  | { kind: 'RECEIPT'; phoneE164: string; trackingCode: string; pin: string }
  | { kind: 'REWARD_APPROVED'; phoneE164: string; trackingCode: string; amountFen: number; claimBy: Date };

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);

/** The SMS text, plain Chinese; the portal address comes from the gateway's template. */
export function noticeText(notice: TipsterNotice): string {
  switch (notice.kind) {
    case 'RECEIPT':
      return `【吉林省打假举报】您的举报已受理。查询码 ${notice.trackingCode}，查询密码 ${notice.pin}。请妥善保管，凭查询码和密码在网上查询办理进度和奖励。`;
    case 'REWARD_APPROVED':
      return `【吉林省打假举报】您的举报（查询码 ${notice.trackingCode}）获得奖励 ${yuan(notice.amountFen)}，请于 ${beijingDay(notice.claimBy)} 前凭查询码和密码在网上领取。`;
  }
}
