import type { Db } from '../db/connection';
import type { GuidelineRule, GuidelineVersion, Severity } from '../../shared/contract/guidelines';
import type { FiledRule } from '../../shared/contract/incidents';

export interface RuleFields {
  code: string;
  title: string;
  description: string;
  severity: Severity;
}

interface RuleRow {
  id: string;
  version_id: string;
  version: number;
  code: string;
  title: string;
  description: string;
  severity: Severity;
  retired: 0 | 1;
  created_at: string;
}

interface VersionRow {
  id: string;
  rule_id: string;
  version: number;
  code: string;
  title: string;
  description: string;
  severity: Severity;
  created_at: string;
  created_by: string | null;
}

const CURRENT = `SELECT r.id, v.id AS version_id, v.version, v.code, v.title, v.description, v.severity, r.retired, v.created_at
  FROM guideline_rules r JOIN guideline_versions v ON v.id = r.current_version_id`;

const toWording = (v: VersionRow): FiledRule => ({
  ruleId: v.rule_id,
  versionId: v.id,
  version: v.version,
  code: v.code,
  title: v.title,
  description: v.description,
  severity: v.severity,
});

const toRule = (r: RuleRow): GuidelineRule => ({
  id: r.id,
  versionId: r.version_id,
  version: r.version,
  code: r.code,
  title: r.title,
  description: r.description,
  severity: r.severity,
  retired: r.retired === 1,
  updatedAt: r.created_at,
});

export class GuidelinesRepo {
  constructor(private readonly db: Db) {}

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM guideline_rules').get() as { n: number }).n;
  }

  list(): GuidelineRule[] {
    return this.db.prepare<[], RuleRow>(`${CURRENT} ORDER BY r.retired, v.code`).all().map(toRule);
  }

  get(id: string): GuidelineRule | undefined {
    const row = this.db.prepare<[string], RuleRow>(`${CURRENT} WHERE r.id = ?`).get(id);
    return row && toRule(row);
  }

  byCode(code: string): { id: string } | undefined {
    return this.db.prepare<[string], { id: string }>('SELECT id FROM guideline_rules WHERE code = ?').get(code);
  }

  /** Every version of a rule, oldest first; `createdBy` is a staff id (the seeded defaults have none). */
  history(id: string): (Omit<GuidelineVersion, 'createdByName'> & { createdBy: string | null })[] {
    return this.db
      .prepare<[string], VersionRow>('SELECT * FROM guideline_versions WHERE rule_id = ? ORDER BY version')
      .all(id)
      .map((v) => {
        const { ruleId: _rule, ...wording } = toWording(v);
        return { ...wording, createdAt: v.created_at, createdBy: v.created_by };
      });
  }

  /** Versions by id, whatever rule they belong to: the wording each report quotes. */
  versions(ids: readonly string[]): Map<string, FiledRule> {
    const stmt = this.db.prepare<[string], VersionRow>('SELECT * FROM guideline_versions WHERE id = ?');
    return new Map(
      [...new Set(ids)].flatMap((id) => {
        const v = stmt.get(id);
        return v ? [[id, toWording(v)] as const] : [];
      }),
    );
  }

  /** The rule's identity without its wording: what a report filing under it needs to know. */
  state(id: string): { currentVersionId: string; code: string; retired: boolean } | undefined {
    const row = this.db
      .prepare<[string], { current_version_id: string; code: string; retired: 0 | 1 }>(
        'SELECT current_version_id, code, retired FROM guideline_rules WHERE id = ?',
      )
      .get(id);
    return row && { currentVersionId: row.current_version_id, code: row.code, retired: row.retired === 1 };
  }

  /** Adds a version; `version` is 1 for a new rule. Must run in a transaction with insertRule/setCurrent. */
  insertVersion(id: string, ruleId: string, version: number, f: RuleFields, at: string, by: string | null): void {
    this.db
      .prepare(
        `INSERT INTO guideline_versions (id, rule_id, version, code, title, description, severity, created_at, created_by)
         VALUES (@id, @ruleId, @version, @code, @title, @description, @severity, @at, @by)`,
      )
      .run({ id, ruleId, version, ...f, at, by });
  }

  insertRule(id: string, code: string, versionId: string, at: string): void {
    this.db
      .prepare('INSERT INTO guideline_rules (id, code, current_version_id, created_at) VALUES (?, ?, ?, ?)')
      .run(id, code, versionId, at);
  }

  setCurrent(id: string, code: string, versionId: string): void {
    this.db
      .prepare('UPDATE guideline_rules SET code = ?, current_version_id = ? WHERE id = ?')
      .run(code, versionId, id);
  }

  setRetired(id: string, retired: boolean): void {
    this.db.prepare('UPDATE guideline_rules SET retired = ? WHERE id = ?').run(retired ? 1 : 0, id);
  }
}
