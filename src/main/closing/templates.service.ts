import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { Branch } from '../../shared/contract/branches';
import type { ClosingPolicy, Template, TemplateItem } from '../../shared/contract/closing';
import { defaultTemplateFor } from './default-template';
import type { ClosingPorts } from './ports';
import type { TemplateVersionRow, TemplatesRepo } from './templates.repo';

export const DEFAULT_POLICY: ClosingPolicy = {
  reminderMinutes: [15, 10, 5],
  childPoliceMinutes: 45,
  refusalPoliceMinutes: 15,
};

/** An item as an administrator sends it: ids and defaults may be missing. */
export interface ItemInput {
  id?: string | undefined;
  zoneId: string | null;
  label: string;
  kind: TemplateItem['kind'];
  okAnswer: 'yes' | 'no';
  expectedCount: number;
  noteOnFail: boolean;
}

/**
 * Closing checklists per branch, versioned like the behavior guidelines: a save adds
 * a version, and a run keeps the version it was worked with. Until a branch's first
 * save its checklist is the library's default, matched to its zones.
 */
export class TemplatesService {
  constructor(
    private readonly db: Db,
    private readonly repo: TemplatesRepo,
    private readonly journal: Journal,
    private readonly events: DomainEvents,
    private readonly ports: ClosingPorts,
    private readonly clock: Clock,
  ) {}

  /** The branch's current checklist, or the default adapted to it when none is saved. */
  current(branchId: string): Template {
    const branch = this.branch(branchId);
    const saved = this.repo.current(branchId);
    if (saved) return this.toTemplate(saved);
    return { branchId, versionId: null, version: 0, savedAt: null, savedBy: null, items: defaultTemplateFor(branch) };
  }

  /** The saved version the next run will use, saving the default first if the branch has none. */
  versionForRun(branchId: string, actor: string): TemplateVersionRow {
    const saved = this.repo.current(branchId);
    if (saved) return saved;
    this.save(branchId, defaultTemplateFor(this.branch(branchId)), actor);
    return this.repo.current(branchId)!;
  }

  version(id: string): TemplateVersionRow | undefined {
    return this.repo.version(id);
  }

  history(branchId: string): Template[] {
    this.branch(branchId);
    return this.repo.history(branchId).map((v) => this.toTemplate(v));
  }

  defaultFor(branchId: string): Template {
    return {
      branchId,
      versionId: null,
      version: 0,
      savedAt: null,
      savedBy: null,
      items: defaultTemplateFor(this.branch(branchId)),
    };
  }

  itemCounts(): Map<string, number> {
    return this.repo.itemCounts();
  }

  /** Saves a new version; the same items as now save nothing. Zones must be the branch's own. */
  save(branchId: string, input: readonly ItemInput[], actor: string | null): Template {
    const branch = this.branch(branchId);
    const zones = new Set(branch.zones.map((z) => z.id));
    input.forEach((item, i) => {
      if (item.zoneId && !zones.has(item.zoneId)) {
        throw invalid(`Item ${i + 1} names a zone of another branch: choose one of ${branch.name}’s zones.`, {
          [`items.${i}.zoneId`]: `Not a zone of ${branch.name}`,
        });
      }
    });
    const items: TemplateItem[] = input.map((item) => ({
      id: item.id ?? uuidv7(),
      zoneId: item.zoneId,
      label: item.label,
      kind: item.kind,
      okAnswer: item.okAnswer,
      expectedCount: item.expectedCount,
      noteOnFail: item.noteOnFail,
    }));
    const before = this.repo.current(branchId);
    if (before && JSON.stringify(before.items) === JSON.stringify(items)) return this.toTemplate(before);
    const saved = this.db
      .transaction(() => {
        const id = uuidv7();
        const at = this.clock.now().toISOString();
        const version = this.repo.addVersion({ id, templateId: uuidv7(), branchId, items, at, by: actor });
        const row = this.repo.version(id)!;
        this.journal.append({
          kind: 'closing.templateSaved',
          recordId: row.templateId,
          actor,
          payload: { branchId, versionId: id, version, items },
        });
        return row;
      })
      .immediate();
    this.events.emit('closing.changed', { branchId, runId: null, version: null });
    return this.toTemplate(saved);
  }

  policy(branchId: string): ClosingPolicy {
    return { ...DEFAULT_POLICY, ...this.repo.policy(branchId) };
  }

  savePolicy(branchId: string, policy: ClosingPolicy, actor: string): ClosingPolicy {
    this.branch(branchId);
    const next: ClosingPolicy = { ...policy, reminderMinutes: [...policy.reminderMinutes].sort((a, b) => b - a) };
    this.db
      .transaction(() => {
        this.repo.putPolicy(branchId, next, this.clock.now().toISOString(), actor);
        this.journal.append({ kind: 'closing.policySaved', recordId: branchId, actor, payload: next });
      })
      .immediate();
    this.events.emit('closing.changed', { branchId, runId: null, version: null });
    return next;
  }

  private toTemplate(v: TemplateVersionRow): Template {
    return {
      branchId: v.branchId,
      versionId: v.id,
      version: v.version,
      savedAt: v.createdAt,
      savedBy: v.createdBy ? (this.ports.staff.names([v.createdBy]).get(v.createdBy) ?? null) : null,
      items: v.items,
    };
  }

  private branch(id: string): Branch {
    const b = this.ports.branches.find(id);
    if (!b) throw notFound('That branch');
    return b;
  }
}
