/** What a tipster reads about their ticket: plain Chinese, never who handles it. */
const STATUS_TEXT: Record<string, string> = {
  RECEIVED: '已收到，正在分派',
  TRIAGE: '已收到，正在分派',
  DISPATCHED: '已转交执法部门，等待受理',
  ACCEPTED: '已受理，正在核查',
  IN_PROGRESS: '已受理，正在核查',
  RETURNED: '正在重新分派',
  TRANSFERRED_TO_POLICE: '已移送公安机关',
  CLOSED: '已办结',
  MERGED: '已与反映同一事项的工单合并办理',
  DISCARDED: '未予受理',
};

const REWARD_TEXT: Record<string, string> = {
  PROPOSED: '奖励审核中',
  APPROVED: '奖励已批准，请在领取期限前领取',
  NOTIFIED: '奖励已批准，请在领取期限前领取',
  CLAIMED: '已提交领取信息，等待发放',
  PAID: '奖励已发放',
  REJECTED: '未予奖励',
  EXPIRED: '逾期未领取',
};

export const tipStatusText = (status: string) => STATUS_TEXT[status] ?? '正在办理';
export const rewardStateText = (state: string) => REWARD_TEXT[state] ?? '奖励办理中';
