import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuthService, CreateUserDto, toViewer, UserEntity, Viewer } from '@hub/auth';
import { CaseActions } from '@hub/cases';
import { AppConfig, DomainError, projectPath } from '@hub/core';
import { csvUpload, IntakeService } from '@hub/intake';
import { RewardLedger } from '@hub/rewards';
import { TriageService } from '@hub/routing';
import { DEPARTMENT_CODES } from '@hub/taxonomy';
import { beijingDate, TicketsService } from '@hub/tickets';
import { DemoRewards } from './demo-rewards';
import { DemoSupervision } from './demo-supervision';

export const DEMO_PASSWORD = 'demo-pass-2026';
const SAMPLES_DIR = projectPath('libs', 'intake', 'test', 'fixtures');

const DEMO_USERS: Array<Omit<CreateUserDto, 'password'>> = [
  { username: 'operator1', displayName: '话务员 王丽', roles: ['OPERATOR'], unit: null },
  { username: 'operator2', displayName: '话务员 刘强', roles: ['OPERATOR'], unit: null },
  { username: 'aic.changchun', displayName: '长春市工商局 承办人 陈晨', roles: ['HANDLER'], unit: 'AIC@220100' },
  { username: 'aic.changchun.head', displayName: '长春市工商局 负责人 周涛', roles: ['UNIT_HEAD'], unit: 'AIC@220100' },
  { username: 'qts.siping', displayName: '四平市质监局 承办人 孙悦', roles: ['HANDLER'], unit: 'QTS@220300' },
  { username: 'aic.jilin', displayName: '吉林市工商局 承办人 林雪', roles: ['HANDLER'], unit: 'AIC@220200' },
  { username: 'fda.yanbian', displayName: '延边州食药监局 承办人 金哲', roles: ['HANDLER'], unit: 'FDA@222400' },
  { username: 'supervisor', displayName: '领导小组办公室 督办 吴敏', roles: ['SUPERVISOR'], unit: 'COMMERCE@220000' },
  { username: 'police.changchun', displayName: '长春市公安局 联络员 赵磊', roles: ['POLICE_LIAISON'], unit: 'POLICE@220100' },
  { username: 'prosecutor', displayName: '省检察院 检察官 钱文', roles: ['PROSECUTOR'], unit: null },
  { username: 'reward.officer', displayName: '奖励委员会 专员 郑芳', roles: ['REWARD_OFFICER'], unit: null },
  { username: 'finance', displayName: '省财政厅 复核 冯刚', roles: ['FINANCE'], unit: null },
];

/** Each department's demo reward budget for the current year: ¥1,000,000. */
const DEMO_BUDGET_FEN = 100_000_000;

/** Demo tickets in the states a unit's workbench shows, each walked there through the lifecycle. */
const DEMO_CASES: Array<{ externalId: string; kind: '投诉' | '举报'; subject: string; text: string; walk: DemoStep[] }> = [
  { externalId: 'DEMO-WB-1', kind: '投诉', subject: '长春市欧亚卖场', text: '在欧亚卖场购买的羽绒服含绒量与标签不符，要求退货', walk: [] },
  { externalId: 'DEMO-WB-2', kind: '投诉', subject: '长春市便民药房', text: '药房销售的口罩无生产许可证编号，疑似假冒', walk: ['accept'] },
  { externalId: 'DEMO-WB-3', kind: '举报', subject: '长春市鑫源食品厂', text: '食品厂使用过期原料生产糕点，已送检', walk: ['accept', 'file-case', 'pause'] },
  { externalId: 'DEMO-WB-4', kind: '举报', subject: '长春市金达酒行', text: '酒行大量销售假冒茅台，窝点在城郊仓库，数额较大', walk: ['accept', 'file-case', 'transfer'] },
  { externalId: 'DEMO-WB-5', kind: '举报', subject: '长春市宏运汽配城', text: '汽配城团伙销售假冒品牌刹车片，危害人体健康', walk: ['accept', 'file-case', 'transfer', 'approve'] },
  { externalId: 'DEMO-WB-6', kind: '举报', subject: '长春市宏达超市有限公司', text: '超市销售的奶粉罐底生产日期被涂改', walk: ['accept', 'file-case', 'close'] },
];

type DemoStep = 'accept' | 'file-case' | 'pause' | 'transfer' | 'approve' | 'close';

interface Manifest {
  samples: Array<{ file: string; feed: string; contentType: string }>;
}

/** Demo staff accounts and the sample payloads of every hotline, for a first look. */
@Injectable()
export class DemoData {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly auth: AuthService,
    private readonly intake: IntakeService,
    private readonly config: AppConfig,
    private readonly ledger: RewardLedger,
    private readonly demoRewards: DemoRewards,
    @InjectDataSource() private readonly db: DataSource,
    private readonly triage: TriageService,
    private readonly cases: CaseActions,
    private readonly tickets: TicketsService,
    private readonly demoSupervision: DemoSupervision,
  ) {}

  async load(): Promise<void> {
    for (const user of DEMO_USERS) await this.ensureUser(user);
    const manifest = JSON.parse(readFileSync(join(SAMPLES_DIR, 'manifest.json'), 'utf8')) as Manifest;
    let stored = 0;
    for (const sample of manifest.samples) stored += await this.postSample(sample.feed, sample.file, sample.contentType);
    let walked = 0;
    for (const demo of DEMO_CASES) walked += await this.walkCase(demo);
    const flow = await this.demoSupervision.load();
    const budgets = await this.grantBudgets();
    const rewards = await this.demoRewards.load();
    this.logger.log(`demo data: ${DEMO_USERS.length} staff accounts (password ${DEMO_PASSWORD}), ${stored} sample records, ${walked} workbench cases, ${flow} supervision tickets, ${budgets} reward budgets, ${rewards} rewards`);
  }

  /** A reward budget for every department this year, once. */
  private async grantBudgets(): Promise<number> {
    const year = Number(beijingDate(new Date()).slice(0, 4));
    const granted = new Set((await this.ledger.budgets(year)).map((b) => b.department));
    const missing = DEPARTMENT_CODES.filter((d) => !granted.has(d));
    for (const department of missing) await this.ledger.grant(department, year, DEMO_BUDGET_FEN, { id: null, name: 'demo' }, `${year} 年度举报奖励经费（演示）`);
    return missing.length;
  }

  /** A 12315 record dispatched to AIC@220100 by operator1, then walked by the unit; a case already there is left as it is. */
  private async walkCase(demo: (typeof DEMO_CASES)[number]): Promise<number> {
    const body = Buffer.from(JSON.stringify({ gdbh: demo.externalId, ldsj: '2026-11-30 09:30:00', sjlx: demo.kind, sqr: { xm: '李四', dh: '13812345678' }, bsdx: { mc: demo.subject, dz: '长春市朝阳区' }, sqnr: demo.text }));
    const outcome = await this.intake.receive({ feed: '12315', feedKey: this.config.feedKey('12315') ?? undefined, contentType: 'application/json', contentLength: body.length, body: Readable.from(body), requestId: 'demo-data' });
    const accepted = outcome.accepted[0];
    if (!accepted || accepted.duplicate) return 0;
    const id = accepted.ticketId;
    const [operator, handler, head] = await Promise.all(['operator1', 'aic.changchun', 'aic.changchun.head'].map((u) => this.viewer(u)));
    await this.triage.decide(operator, id, { version: 1, category: 'FOOD', violation: 'COUNTERFEIT', stage: 'CIRCULATION', leadUnit: 'AIC@220100', assistUnits: [] });
    const version = async () => (await this.tickets.get(handler, id)).version;
    for (const step of demo.walk) {
      if (step === 'accept') await this.cases.accept(handler, id, { version: await version() });
      if (step === 'file-case') await this.cases.fileCase(handler, id, { version: await version(), caseNumber: `长市监立〔2026〕${demo.externalId.slice(-1)}号` });
      if (step === 'pause') await this.cases.pause(handler, id, { version: await version(), reason: 'TESTING' });
      if (step === 'transfer') await this.cases.proposeTransfer(handler, id, { version: await version(), reason: '涉案数额较大，涉嫌销售伪劣产品罪，提请移送公安' });
      if (step === 'approve') await this.cases.approveTransfer(head, id, { version: await version(), rewardLevel: 'L2' });
      if (step === 'close') {
        await this.cases.close(handler, id, { version: await version(), outcome: 'PENALIZED', decisionNumber: '长市监罚〔2026〕6号', penalties: ['FINE', 'CONFISCATION'], fineFen: 5000000, confiscationFen: 120000, rewardLevel: 'L2' });
      }
    }
    return 1;
  }

  private async viewer(username: string): Promise<Viewer> {
    const user = await this.db.getRepository(UserEntity).findOneByOrFail({ username });
    return toViewer(user);
  }

  private async ensureUser(user: Omit<CreateUserDto, 'password'>): Promise<void> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM users WHERE username = $1', [user.username]);
    if (rows.length === 0) await this.auth.createUser({ ...user, password: DEMO_PASSWORD });
  }

  private async postSample(feed: string, file: string, contentType: string): Promise<number> {
    const bytes = readFileSync(join(SAMPLES_DIR, file));
    const { body, contentType: type } = feed === '12358' ? csvUpload(bytes) : { body: bytes, contentType };
    try {
      const outcome = await this.intake.receive({ feed, feedKey: this.config.feedKey(feed) ?? undefined, contentType: type, contentLength: body.length, body: Readable.from(body), requestId: 'demo-data' });
      return outcome.accepted.length;
    } catch (error) {
      if (error instanceof DomainError) {
        this.logger.warn(`sample ${file}: ${error.code} ${error.message}`);
        return 0;
      }
      throw error;
    }
  }
}

