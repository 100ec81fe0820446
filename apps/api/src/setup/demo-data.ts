import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuthService, CreateUserDto } from '@hub/auth';
import { AppConfig, DomainError } from '@hub/core';
import { csvUpload, IntakeService } from '@hub/intake';
import { RewardLedger } from '@hub/rewards';
import { DEPARTMENT_CODES } from '@hub/taxonomy';
import { beijingDate } from '@hub/tickets';

export const DEMO_PASSWORD = 'demo-pass-2026';
const SAMPLES_DIR = join(__dirname, '..', '..', '..', '..', 'libs', 'intake', 'test', 'fixtures');

const DEMO_USERS: Array<Omit<CreateUserDto, 'password'>> = [
  { username: 'operator1', displayName: '话务员 王丽', roles: ['OPERATOR'], unit: null },
  { username: 'operator2', displayName: '话务员 刘强', roles: ['OPERATOR'], unit: null },
  { username: 'aic.changchun', displayName: '长春市工商局 承办人 陈晨', roles: ['HANDLER'], unit: 'AIC@220100' },
  { username: 'aic.changchun.head', displayName: '长春市工商局 负责人 周涛', roles: ['UNIT_HEAD'], unit: 'AIC@220100' },
  { username: 'qts.siping', displayName: '四平市质监局 承办人 孙悦', roles: ['HANDLER'], unit: 'QTS@220300' },
  { username: 'supervisor', displayName: '领导小组办公室 督办 吴敏', roles: ['SUPERVISOR'], unit: 'COMMERCE@220000' },
  { username: 'reward.officer', displayName: '举报奖励委员会 审核员 郑洁', roles: ['REWARD_OFFICER'], unit: null },
  { username: 'finance', displayName: '财政局 复核员 冯军', roles: ['FINANCE'], unit: null },
];

/** Each department's demo reward budget for the current year: ¥1,000,000. */
const DEMO_BUDGET_FEN = 100_000_000;

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
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async load(): Promise<void> {
    for (const user of DEMO_USERS) await this.ensureUser(user);
    const manifest = JSON.parse(readFileSync(join(SAMPLES_DIR, 'manifest.json'), 'utf8')) as Manifest;
    let stored = 0;
    for (const sample of manifest.samples) stored += await this.postSample(sample.feed, sample.file, sample.contentType);
    const budgets = await this.grantBudgets();
    this.logger.log(`demo data: ${DEMO_USERS.length} staff accounts (password ${DEMO_PASSWORD}), ${stored} sample records, ${budgets} reward budgets`);
  }

  /** A reward budget for every department this year, once. */
  private async grantBudgets(): Promise<number> {
    const year = Number(beijingDate(new Date()).slice(0, 4));
    const granted = new Set((await this.ledger.budgets(year)).map((b) => b.department));
    const missing = DEPARTMENT_CODES.filter((d) => !granted.has(d));
    for (const department of missing) await this.ledger.grant(department, year, DEMO_BUDGET_FEN, { id: null, name: 'demo' }, `${year} 年度举报奖励经费（演示）`);
    return missing.length;
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

