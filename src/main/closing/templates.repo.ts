import type { Db } from '../db/connection';
import { preparedStatements } from '../db/prepared';
import { ClosingPolicy, TemplateItem } from '../../shared/contract/closing';
import { z } from 'zod';

export interface TemplateVersionRow {
  id: string;
  templateId: string;
  branchId: string;
  version: number;
  items: TemplateItem[];
  createdAt: string;
  createdBy: string | null;
}

interface VersionRow {
  id: string;
  template_id: string;
  branch_id: string;
  version: number;
  items: string;
  created_at: string;
  created_by: string | null;
}

const Items = z.array(TemplateItem);

const toVersion = (r: VersionRow): TemplateVersionRow => ({
  id: r.id,
  templateId: r.template_id,
  branchId: r.branch_id,
  version: r.version,
  items: Items.parse(JSON.parse(r.items)),
  createdAt: r.created_at,
  createdBy: r.created_by,
});

const VERSION = `SELECT v.*, t.branch_id FROM closing_template_versions v JOIN closing_templates t ON t.id = v.template_id`;

/** SQL of closing templates (versioned; a version is never changed) and each branch's closing policy. */
export class TemplatesRepo {
  private readonly versionStmt;

  private readonly sql;

  constructor(db: Db) {
    this.sql = preparedStatements(db);
    this.versionStmt = this.sql<[string], VersionRow>(`${VERSION} WHERE v.id = ?`);
  }

  /** The branch's current version, if one was ever saved. */
  current(branchId: string): TemplateVersionRow | undefined {
    const row = this.sql<[string], VersionRow>(`${VERSION} WHERE t.branch_id = ? AND v.id = t.current_version_id`).get(
      branchId,
    );
    return row && toVersion(row);
  }

  version(id: string): TemplateVersionRow | undefined {
    const row = this.versionStmt.get(id);
    return row && toVersion(row);
  }

  history(branchId: string): TemplateVersionRow[] {
    return this.sql<[string], VersionRow>(`${VERSION} WHERE t.branch_id = ? ORDER BY v.version DESC`)
      .all(branchId)
      .map(toVersion);
  }

  /** Item counts of every branch's current version. */
  itemCounts(): Map<string, number> {
    const rows = this.sql<[], { branch_id: string; items: string }>(
      `SELECT t.branch_id, v.items FROM closing_templates t JOIN closing_template_versions v ON v.id = t.current_version_id`,
    ).all();
    return new Map(rows.map((r) => [r.branch_id, (JSON.parse(r.items) as unknown[]).length]));
  }

  /** Adds a version and makes it current; creates the template on its first save. Run in a transaction. */
  addVersion(v: {
    id: string;
    templateId: string;
    branchId: string;
    items: TemplateItem[];
    at: string;
    by: string | null;
  }): number {
    const existing = this.sql<[string], { id: string }>('SELECT id FROM closing_templates WHERE branch_id = ?').get(
      v.branchId,
    );
    const templateId = existing?.id ?? v.templateId;
    if (!existing) {
      this.sql('INSERT INTO closing_templates (id, branch_id, current_version_id, created_at) VALUES (?, ?, ?, ?)').run(
        templateId,
        v.branchId,
        v.id,
        v.at,
      );
    }
    const next =
      (this.sql<[string], { n: number | null }>(
        'SELECT max(version) AS n FROM closing_template_versions WHERE template_id = ?',
      ).get(templateId)?.n ?? 0) + 1;
    this.sql(
      'INSERT INTO closing_template_versions (id, template_id, version, items, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(v.id, templateId, next, JSON.stringify(v.items), v.at, v.by);
    this.sql('UPDATE closing_templates SET current_version_id = ? WHERE id = ?').run(v.id, templateId);
    return next;
  }

  policy(branchId: string): Partial<ClosingPolicy> | undefined {
    const row = this.sql<[string], { policy: string }>('SELECT policy FROM closing_policies WHERE branch_id = ?').get(
      branchId,
    );
    if (!row) return undefined;
    const parsed = ClosingPolicy.partial().safeParse(JSON.parse(row.policy));
    return parsed.success ? parsed.data : undefined;
  }

  putPolicy(branchId: string, policy: ClosingPolicy, at: string, by: string | null): void {
    this.sql(
      `INSERT INTO closing_policies (branch_id, policy, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (branch_id) DO UPDATE SET policy = excluded.policy, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run(branchId, JSON.stringify(policy), at, by);
  }
}
