import type { Amendment, FiledRule, IncidentContent, IncidentRecord, Review } from '../../shared/contract/incidents';
import type { IncidentsRepo, VersionRow } from './incidents.repo';
import type { IncidentPorts } from './ports';

type Response = Pick<IncidentContent, 'police' | 'emergency' | 'injuries' | 'propertyDamage' | 'staffAssistance'>;

const UNKNOWN = '(unknown)';

/**
 * Reads a filed report whole, as incidents.get returns it and as its journal
 * entries carry it: its own tables through the repo, and the names of its branch,
 * zone, people, rules, cameras and attachments through the other domains' ports.
 */
export class IncidentRecords {
  constructor(
    private readonly repo: IncidentsRepo,
    private readonly ports: IncidentPorts,
  ) {}

  load(id: string): IncidentRecord | undefined {
    const h = this.repo.incident(id);
    if (!h) return undefined;
    const versions = this.repo.versions(id);
    const current = versions.find((v) => v.vid === h.current_version)!;
    const reviews = this.repo.reviews(id);
    const names = this.ports.staff.names([
      h.reporter_id,
      ...versions.map((v) => v.created_by),
      ...reviews.map((r) => r.by),
    ]);
    const nameOf = (staffId: string) => names.get(staffId) ?? UNKNOWN;

    const rules = this.rules(current.vid);
    const response = JSON.parse(current.response) as Response;
    const refs = this.repo.cameraRefs(current.vid);
    const cameraNames = this.ports.cameras.names(refs.map((r) => r.cameraId));
    const cameras = refs.map((r) => ({ ...r, cameraName: cameraNames.get(r.cameraId) ?? '(removed camera)' }));
    const attachments = this.ports.attachments.meta(this.repo.attachmentIds(current.vid));
    const content: IncidentContent = {
      branchId: h.branch_id,
      zoneId: current.zone_id,
      occurredFrom: current.occurred_from,
      occurredTo: current.occurred_to,
      ruleIds: rules.map((r) => r.ruleId),
      severity: current.severity,
      summary: current.summary,
      narrative: current.narrative,
      actions: current.actions,
      persons: this.repo.persons(current.vid),
      ...response,
      cameras: refs,
      attachmentIds: attachments.map((a) => a.id),
    };
    const branch = this.ports.branches.find(h.branch_id);
    return {
      id: h.id,
      number: h.number,
      status: h.status,
      branch: {
        id: h.branch_id,
        code: branch?.code ?? UNKNOWN,
        name: branch?.name ?? UNKNOWN,
        timeZone: branch?.timeZone ?? 'UTC',
      },
      zoneName: current.zone_id ? (this.ports.branches.zoneOf(current.zone_id)?.name ?? null) : null,
      reporter: { id: h.reporter_id, name: nameOf(h.reporter_id) },
      reportedAt: h.reported_at,
      version: current.version,
      updatedAt: h.updated_at,
      content,
      rules,
      cameras,
      attachments,
      amendments: versions.filter((v) => v.version > 1).map((v) => toAmendment(v, nameOf(v.created_by))),
      reviews: reviews.map((r): Review => ({
        id: r.id,
        at: r.at,
        by: { id: r.by, name: nameOf(r.by) },
        decision: r.decision,
        comment: r.comment,
        version: r.version,
      })),
      journal: this.ports.journal.forRecord(id).map((e) => ({ kind: e.kind, at: e.at, hash: e.hash })),
    };
  }

  /** The rules a version cites, each in the wording it was filed under. */
  rules(vid: number): FiledRule[] {
    const refs = this.repo.ruleRefs(vid);
    const wording = this.ports.guidelines.versions(refs.map((r) => r.versionId));
    return refs.flatMap((r) => {
      const v = wording.get(r.versionId);
      return v
        ? [
            {
              ruleId: r.ruleId,
              versionId: v.versionId,
              version: v.version,
              code: v.code,
              title: v.title,
              description: v.description,
              severity: v.severity,
            },
          ]
        : [];
    });
  }
}

const toAmendment = (v: VersionRow, byName: string): Amendment => ({
  version: v.version,
  at: v.created_at,
  by: { id: v.created_by, name: byName },
  reason: v.reason ?? '',
  changes: v.changes ? (JSON.parse(v.changes) as Amendment['changes']) : [],
});
