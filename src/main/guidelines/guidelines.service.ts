import { z } from 'zod';
import defaultsJson from '../../../resources/policy/behavior-guidelines.json';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { Clock } from '../clock';
import type { JournalKind } from '../../shared/contract/journal';
import { conflict, notFound } from '../errors';
import { uuidv7 } from '../ids';
import { Severity, type GuidelineRule, type GuidelineVersion } from '../../shared/contract/guidelines';
import type { GuidelinesRepo, RuleFields } from './guidelines.repo';
import type { FiledRule } from '../../shared/contract/incidents';

const Defaults = z.object({
  rules: z.array(z.object({ code: z.string(), title: z.string(), description: z.string(), severity: Severity })),
});

/** The library's default rules (resources/policy/behavior-guidelines.json). */
export const defaultGuidelines = Defaults.parse(defaultsJson).rules;

/**
 * Patron Expectations and Behavior Guidelines. A rule is never edited in place:
 * each edit adds a version, and incidents point at the version they were filed under.
 */
export class GuidelinesService {
  constructor(
    private readonly db: Db,
    private readonly repo: GuidelinesRepo,
    private readonly journal: Journal,
    private readonly staffNames: (ids: readonly string[]) => Map<string, string>,
    private readonly clock: Clock,
  ) {}

  /**
   * Loads the default set into an empty database. Not journaled: every desk loads the
   * same file, and incidents carry the wording of the rules they cite.
   */
  seedDefaults(): void {
    this.db
      .transaction(() => {
        if (this.repo.count() > 0) return;
        const at = this.clock.now().toISOString();
        for (const rule of defaultGuidelines) {
          const id = uuidv7();
          const versionId = uuidv7();
          this.repo.insertVersion(versionId, id, 1, rule, at, null);
          this.repo.insertRule(id, rule.code, versionId, at);
        }
      })
      .immediate();
  }

  list(): GuidelineRule[] {
    return this.repo.list();
  }

  history(id: string): GuidelineVersion[] {
    this.rule(id);
    const versions = this.repo.history(id);
    const names = this.staffNames(versions.flatMap((v) => (v.createdBy ? [v.createdBy] : [])));
    return versions.map(({ createdBy, ...v }) => ({
      ...v,
      createdByName: createdBy ? (names.get(createdBy) ?? null) : null,
    }));
  }

  // ---- the port incident reports file under ----

  /** A rule's identity: its current version, code and whether it is retired; undefined if unknown. */
  state(ruleId: string): { currentVersionId: string; code: string; retired: boolean } | undefined {
    return this.repo.state(ruleId);
  }

  /** Rule wordings by version id, as reports quote them. */
  versions(versionIds: readonly string[]): Map<string, FiledRule> {
    return this.repo.versions(versionIds);
  }

  add(f: RuleFields, actor: string): GuidelineRule {
    return this.change(actor, 'guideline.added', () => {
      this.assertCodeFree(f.code);
      const id = uuidv7();
      const versionId = uuidv7();
      const at = this.clock.now().toISOString();
      this.repo.insertVersion(versionId, id, 1, f, at, actor);
      this.repo.insertRule(id, f.code, versionId, at);
      return id;
    });
  }

  update(id: string, f: RuleFields, actor: string): GuidelineRule {
    const before = this.rule(id);
    const unchanged =
      before.code === f.code &&
      before.title === f.title &&
      before.description === f.description &&
      before.severity === f.severity;
    if (unchanged) return before;
    return this.change(actor, 'guideline.edited', () => {
      const current = this.rule(id);
      this.assertCodeFree(f.code, id);
      const versionId = uuidv7();
      this.repo.insertVersion(versionId, id, current.version + 1, f, this.clock.now().toISOString(), actor);
      this.repo.setCurrent(id, f.code, versionId);
      return id;
    });
  }

  setRetired(id: string, retired: boolean, actor: string): GuidelineRule {
    return this.change(actor, retired ? 'guideline.retired' : 'guideline.restored', () => {
      this.rule(id);
      this.repo.setRetired(id, retired);
      return id;
    });
  }

  /** Runs a change and journals the rule's new state in the same transaction. */
  private change(actor: string, kind: JournalKind, apply: () => string): GuidelineRule {
    return this.db
      .transaction(() => {
        const after = this.rule(apply());
        this.journal.append({ kind, recordId: after.id, actor, payload: after });
        return after;
      })
      .immediate();
  }

  private rule(id: string): GuidelineRule {
    const r = this.repo.get(id);
    if (!r) throw notFound('That rule');
    return r;
  }

  private assertCodeFree(code: string, except?: string): void {
    const other = this.repo.byCode(code);
    if (other && other.id !== except) {
      throw conflict(`Another rule already uses the code ${code}.`, { code: 'This code is taken' });
    }
  }
}
