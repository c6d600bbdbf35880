import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { invalid } from '../errors';
import { DEFAULT_SWEEP_TARGET_MINUTES, type EvacuationPlan } from '../../shared/contract/evacuation';
import type { EvacuationRepo } from './evacuation.repo';
import type { EvacuationPorts } from './ports';

export interface PlanInput {
  branchId: string;
  assemblyPoint: string;
  sweepTargetMinutes: number;
  zones: { zoneId: string; assignee: string }[];
}

/**
 * Each branch's evacuation plan: the assembly point, the per-zone sweep target, and
 * the zones in the order they are swept, with who usually sweeps each. A branch
 * without a saved plan sweeps its zones in the branch's order; zones added since the
 * plan was saved come last, and retired zones drop out, so a plan never hides a zone.
 */
export class EvacuationPlans {
  constructor(
    private readonly db: Db,
    private readonly repo: EvacuationRepo,
    private readonly journal: Journal,
    private readonly ports: EvacuationPorts,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  list(): EvacuationPlan[] {
    return this.ports.branches
      .list()
      .filter((b) => !b.retired)
      .map((b) => this.plan(b.id));
  }

  plan(branchId: string): EvacuationPlan {
    const branch = this.ports.branches.find(branchId);
    if (!branch) throw invalid('That branch was not found.', { branchId: 'Choose a branch' });
    const row = this.repo.plan(branchId);
    const saved = row ? (JSON.parse(row.zones) as PlanInput['zones']) : [];
    const active = branch.zones.filter((z) => !z.retired);
    const byId = new Map(active.map((z) => [z.id, z]));
    const ordered = [
      ...saved.filter((s) => byId.has(s.zoneId)),
      ...active.filter((z) => !saved.some((s) => s.zoneId === z.id)).map((z) => ({ zoneId: z.id, assignee: '' })),
    ];
    return {
      branchId,
      assemblyPoint: row?.assembly_point ?? '',
      sweepTargetMinutes: row ? Math.round(row.sweep_target_s / 60) : DEFAULT_SWEEP_TARGET_MINUTES,
      zones: ordered.map((s) => ({
        zoneId: s.zoneId,
        name: byId.get(s.zoneId)!.name,
        floor: byId.get(s.zoneId)!.floor,
        assignee: s.assignee,
      })),
      updatedAt: row?.updated_at ?? null,
      updatedBy: row ? (this.ports.staff.names([row.updated_by]).get(row.updated_by) ?? null) : null,
    };
  }

  save(input: PlanInput, staffId: string): EvacuationPlan {
    const plan = this.db
      .transaction(() => {
        const branch = this.ports.branches.find(input.branchId);
        if (!branch || branch.retired) throw invalid('Choose a branch in use.', { branchId: 'Choose a branch' });
        const zoneIds = new Set(branch.zones.map((z) => z.id));
        if (input.zones.some((z) => !zoneIds.has(z.zoneId))) {
          throw invalid('A zone in the sweep order is not in this branch.', { zones: 'Not in this branch' });
        }
        if (new Set(input.zones.map((z) => z.zoneId)).size !== input.zones.length) {
          throw invalid('A zone is listed twice in the sweep order.', { zones: 'Listed twice' });
        }
        this.repo.savePlan({
          branch_id: input.branchId,
          assembly_point: input.assemblyPoint,
          sweep_target_s: input.sweepTargetMinutes * 60,
          zones: JSON.stringify(input.zones),
          updated_at: this.clock.now().toISOString(),
          updated_by: staffId,
        });
        const saved = this.plan(input.branchId);
        this.journal.append({
          kind: 'evacuation.planUpdated',
          recordId: input.branchId,
          actor: staffId,
          payload: saved,
        });
        return saved;
      })
      .immediate();
    this.events.emit('evacuationPlan.changed', { branchId: input.branchId });
    return plan;
  }
}
