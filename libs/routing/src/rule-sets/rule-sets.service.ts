import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Conflict, DomainError, NotFound, returningRows } from '@hub/core';
import type { Viewer } from '@hub/auth/roles';
import { RoutingRule, RuleSet, validateRuleSet } from '../rules';
import { RoutingModels } from '../routing-models.service';
import { RuleSetBody } from './rule-sets.dto';

export interface RuleSetView {
  version: string;
  status: string;
  note: string | null;
  rules: RoutingRule[];
  createdAt: string;
  activatedAt: string | null;
}

/** Versioned routing rule sets: drafts, validation, activation (one active at a time). */
@Injectable()
export class RuleSetsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly models: RoutingModels,
  ) {}

  async list(): Promise<Omit<RuleSetView, 'rules'>[]> {
    await this.models.active();
    const rows: RuleSetRow[] = await this.db.query(`SELECT version, status, note, created_at, activated_at, rules FROM rule_sets ORDER BY created_at DESC`);
    return rows.map((r) => {
      const { rules: _rules, ...rest } = toView(r);
      return rest;
    });
  }

  async get(version: string): Promise<RuleSetView> {
    const rows: RuleSetRow[] = await this.db.query(`SELECT version, status, note, created_at, activated_at, rules FROM rule_sets WHERE version = $1`, [version]);
    if (!rows[0]) throw NotFound(`Rule set ${version} not found`);
    return toView(rows[0]);
  }

  validate(rules: unknown[]) {
    const problems = validateRuleSet({ rules: rules as RoutingRule[] });
    return { valid: !problems.some((p) => p.severity === 'error'), problems };
  }

  async create(body: RuleSetBody, viewer: Viewer): Promise<RuleSetView> {
    this.assertValid(body.rules);
    const version = body.version ?? new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    const inserted = await this.db.query(
      `INSERT INTO rule_sets (version, rules, status, note, created_by) VALUES ($1, $2::jsonb, 'DRAFT', $3, $4) ON CONFLICT (version) DO NOTHING RETURNING version`,
      [version, JSON.stringify(body.rules), body.note ?? null, viewer.id],
    );
    if (inserted.length === 0) throw Conflict('VERSION_TAKEN', `Rule set version ${version} exists already`);
    return this.get(version);
  }

  async activate(version: string, viewer: Viewer): Promise<RuleSetView> {
    const draft = await this.get(version);
    if (draft.status === 'ACTIVE') return draft;
    this.assertValid(draft.rules);
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE rule_sets SET status = 'RETIRED' WHERE status = 'ACTIVE'`);
      const updated = returningRows(await tx.query(`UPDATE rule_sets SET status = 'ACTIVE', activated_at = now(), activated_by = $2 WHERE version = $1 RETURNING version`, [version, viewer.id]));
      if (updated.length === 0) throw NotFound(`Rule set ${version} not found`);
    });
    this.models.invalidate();
    return this.get(version);
  }

  async resolve(version: string | undefined, inline: unknown[] | undefined): Promise<RuleSet | null> {
    if (inline) {
      this.assertValid(inline);
      return { version: 'inline', rules: inline as RoutingRule[] };
    }
    if (!version) return null;
    const found = await this.get(version);
    return { version: found.version, rules: found.rules };
  }

  private assertValid(rules: unknown[]): void {
    const { valid, problems } = this.validate(rules);
    if (!valid) {
      const errors = problems.filter((p) => p.severity === 'error');
      throw new DomainError('INVALID_RULE_SET', 'The rule set is not valid', 422, errors.map((p) => ({ field: p.ruleId ? `rules[${p.ruleId}]` : 'rules', message: p.message })));
    }
  }
}

interface RuleSetRow {
  version: string;
  status: string;
  note: string | null;
  created_at: Date;
  activated_at: Date | null;
  rules: RoutingRule[];
}

function toView(r: RuleSetRow): RuleSetView {
  return { version: r.version, status: r.status, note: r.note, rules: r.rules, createdAt: r.created_at.toISOString(), activatedAt: r.activated_at?.toISOString() ?? null };
}
