import type { StaffService } from '../staff/staff.service';
import type { RetentionService } from '../retention';

interface DemoRetentionDeps {
  retention: RetentionService;
  /** The retention ports' own reads: ids and dates, no patron data, nothing audited. */
  incidents: { occurredBefore(cutoff: string): { id: string; at: string }[] };
  staff: StaffService;
  /** Main's clock: the newest report is the one before now. */
  now: Date;
}

/**
 * Training data for retention: a report the police asked for, on legal hold with its
 * case number, so the training desk shows what a hold looks like on a report and in
 * Settings → Legal holds. The retention settings stay at their defaults.
 */
export function seedDemoRetention(deps: DemoRetentionDeps): void {
  const supervisor = deps.staff.list().find((s) => s.role === 'supervisor');
  const oldest = deps.incidents.occurredBefore(deps.now.toISOString())[0];
  if (!supervisor || !oldest) return;
  deps.retention.setHold(
    {
      kind: 'incident',
      recordId: oldest.id,
      reason: 'police',
      note: 'Officer Reyes, Madison Police: asked for the report and the lobby video',
      caseNumber: '26-118204',
    },
    supervisor.id,
  );
}
