import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toViewer, UserEntity, Viewer } from '@hub/auth';
import { CaseActions } from '@hub/cases';
import type { RewardLevel } from '@hub/contracts';
import { PublicTipsService } from '@hub/rewards/portal/public-tips.service';
import { RewardsService } from '@hub/rewards';
import { TicketTransitions } from '@hub/tickets';

type DemoEnd = 'PROPOSED' | 'AWAITING_FINANCE' | 'NOTIFIED' | 'CLAIMED' | 'PAID' | 'REJECTED' | 'EXPIRED';

interface DemoReward {
  end: DemoEnd;
  level: RewardLevel;
  fineFen: number;
  product: string;
  subject: string;
}

const DEMO_REWARDS: DemoReward[] = [
  { end: 'PROPOSED', level: 'L1', fineFen: 30_000_000, product: '白酒', subject: '长春市南关区福源烟酒商行' },
  { end: 'AWAITING_FINANCE', level: 'L1', fineFen: 1_200_000_000, product: '汽车配件', subject: '长春市绿园区顺达汽配城' },
  // expiring moves time past the claim date of every notified reward: it comes before the one left NOTIFIED
  { end: 'EXPIRED', level: 'L2', fineFen: 9_000_000, product: '食用油', subject: '长春市九台区粮油批发部' },
  { end: 'NOTIFIED', level: 'L2', fineFen: 12_000_000, product: '婴幼儿奶粉', subject: '长春市朝阳区乐家母婴店' },
  { end: 'CLAIMED', level: 'L2', fineFen: 25_000_000, product: '化妆品', subject: '长春市宽城区美丽佳人化妆品店' },
  { end: 'PAID', level: 'L3', fineFen: 80_000_000, product: '农药', subject: '长春市双阳区丰收农资店' },
  { end: 'REJECTED', level: 'L3', fineFen: 5_000_000, product: '电线电缆', subject: '长春市二道区鑫源五金店' },
];

const DEMO_PAYOUT = { name: '刘德明', idNumber: '220102199003071235', bankName: '中国农业银行长春分行', accountNumber: '6228480012345678901' };

/**
 * Demo rewards, one in each state the reward officer's screens show, made through the
 * product's own services: a portal tip, dispatched to AIC@220100, closed PENALIZED by its
 * handler with a level, then approved, claimed, paid, rejected or expired.
 */
@Injectable()
export class DemoRewards {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tips: PublicTipsService,
    private readonly transitions: TicketTransitions,
    private readonly cases: CaseActions,
    private readonly rewards: RewardsService,
  ) {}

  async load(): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.db.query(`SELECT count(*)::int AS n FROM rewards r JOIN tickets t ON t.id = r.ticket_id WHERE t.feed = 'WEB'`);
    if (n > 0) return 0;
    const [handler, officer, finance] = await Promise.all(['aic.changchun', 'reward.officer', 'finance'].map((u) => this.viewer(u)));
    for (const demo of DEMO_REWARDS) await this.make(demo, handler, officer, finance);
    this.logger.log(`demo rewards: ${DEMO_REWARDS.length}, one in each state`);
    return DEMO_REWARDS.length;
  }

  private async make(demo: DemoReward, handler: Viewer, officer: Viewer, finance: Viewer): Promise<void> {
    const description = `${demo.subject}销售假冒伪劣${demo.product}，我买到后发现包装和正品不同，已保留购物小票和照片`;
    const dto = await this.tips.parseTip({ kind: 'REPORT', description, subject: { name: demo.subject }, regionCode: '220100', productName: demo.product, reporter: { anonymous: true } });
    const receipt = await this.tips.submit(dto, [], `demo-${demo.end}`);
    const [{ id, version }]: Array<{ id: string; version: number }> = await this.db.query(`SELECT id, version FROM tickets WHERE tracking_code = $1`, [receipt.trackingCode]);
    await this.db.transaction((tx) =>
      this.transitions.dispatch(tx, id, 'REPORT', {
        classification: { category: 'FOOD', violation: 'COUNTERFEIT', stage: 'CIRCULATION', confidence: 1, explanation: '演示数据' },
        routing: { ruleSetVersion: 'demo', ruleId: 'demo', leadDepartment: 'AIC', leadUnit: 'AIC@220100', assistUnits: [], auto: false },
        actor: { id: null, name: 'demo' },
        action: 'DISPATCHED',
        expectedVersion: version,
        set: { pipeline_step: 'DONE' },
      }),
    );
    let ticket = await this.cases.accept(handler, id, { version: version + 1 });
    ticket = await this.cases.fileCase(handler, id, { version: ticket.version, caseNumber: `长市监立〔2026〕${demo.fineFen % 1000}号` });
    await this.cases.close(handler, id, { version: ticket.version, outcome: 'PENALIZED', decisionNumber: `长市监罚〔2026〕${demo.fineFen % 997}号`, penalties: ['FINE'], fineFen: demo.fineFen, confiscationFen: 0, rewardLevel: demo.level });
    const [{ id: rewardId }]: Array<{ id: string }> = await this.db.query(`SELECT id FROM rewards WHERE ticket_id = $1`, [id]);
    await this.advance(demo.end, rewardId, id, officer, finance);
  }

  private async advance(end: DemoEnd, rewardId: string, ticketId: string, officer: Viewer, finance: Viewer): Promise<void> {
    if (end === 'PROPOSED') return;
    if (end === 'REJECTED') {
      await this.rewards.reject(officer, rewardId, '举报人系该案执法部门工作人员', 'HANDLING_STAFF');
      return;
    }
    const approved = await this.rewards.approve(officer, rewardId, '证据确凿，同意奖励');
    if (end === 'AWAITING_FINANCE') return;
    if (approved.state === 'PROPOSED') await this.rewards.approve(finance, rewardId, '复核同意');
    if (end === 'EXPIRED') {
      await this.rewards.expireDue(new Date(Date.parse(approved.claimBy ?? '') + 1));
      return;
    }
    if (end === 'NOTIFIED') return;
    await this.rewards.claim(ticketId, DEMO_PAYOUT);
    if (end === 'PAID') await this.rewards.pay(officer, rewardId, '付-2026-000001');
  }

  private async viewer(username: string): Promise<Viewer> {
    return toViewer(await this.db.getRepository(UserEntity).findOneByOrFail({ username }));
  }
}
