import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuthService, CreateUserDto } from '@hub/auth';
import { AppConfig, DomainError } from '@hub/core';
import { csvUpload, IntakeService } from '@hub/intake';

export const DEMO_PASSWORD = 'demo-pass-2026';
const SAMPLES_DIR = join(__dirname, '..', '..', '..', '..', 'libs', 'intake', 'test', 'fixtures');

const DEMO_USERS: Array<Omit<CreateUserDto, 'password'>> = [
  { username: 'operator1', displayName: '话务员 王丽', roles: ['OPERATOR'], unit: null },
  { username: 'operator2', displayName: '话务员 刘强', roles: ['OPERATOR'], unit: null },
  { username: 'aic.changchun', displayName: '长春市工商局 承办人 陈晨', roles: ['HANDLER'], unit: 'AIC@220100' },
  { username: 'aic.changchun.head', displayName: '长春市工商局 负责人 周涛', roles: ['UNIT_HEAD'], unit: 'AIC@220100' },
  { username: 'qts.siping', displayName: '四平市质监局 承办人 孙悦', roles: ['HANDLER'], unit: 'QTS@220300' },
  { username: 'supervisor', displayName: '领导小组办公室 督办 吴敏', roles: ['SUPERVISOR'], unit: 'COMMERCE@220000' },
];

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
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async load(): Promise<void> {
    for (const user of DEMO_USERS) await this.ensureUser(user);
    const manifest = JSON.parse(readFileSync(join(SAMPLES_DIR, 'manifest.json'), 'utf8')) as Manifest;
    let stored = 0;
    for (const sample of manifest.samples) stored += await this.postSample(sample.feed, sample.file, sample.contentType);
    this.logger.log(`demo data: ${DEMO_USERS.length} staff accounts (password ${DEMO_PASSWORD}), ${stored} sample records`);
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

