import type { Clock } from '../clock';
import { flushWal, type Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { AuditService } from '../audit/audit.service';
import { conflict, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { Log } from '../log';
import {
  DEFAULT_RETENTION,
  RetentionSettings,
  type HoldKind,
  type LegalHold,
  type PurgeCount,
  type PurgePreview,
  type PurgeRun,
  type RetentionStatus,
} from '../../shared/contract/retention';
import type { VideoPurgePort } from './ports';
import { PURGE_ORDER, purgePass, type PurgeDomains } from './purge';
import type { HoldRow, RetentionRepo, RunRow } from './retention.repo';

export interface RetentionDeps {
  db: Db;
  repo: RetentionRepo;
  journal: Journal;
  audit: AuditService;
  clock: Clock;
  log: Log;
  domains: PurgeDomains;
  video: VideoPurgePort;
  settings: {
    section<T>(key: string, schema: import('zod').ZodType<T>, defaults: T): T;
    updateSection<T>(key: string, schema: import('zod').ZodType<T>, value: T, actor: string): T;
  };
  staffNames(ids: readonly string[]): Map<string, string>;
  /** Consoles hear of a hold set or released, or a purge done. */
  changed(): void;
  /** How the desk names each held record (a person's name, "Incident 2026-0042"). */
  labels(kind: HoldKind, ids: readonly string[]): Map<string, string>;
}

/** Records of each kind one purge transaction removes at most. */
const PASS_BUDGET = 2_000;

/** The daily slot (HH:MM, desk machine's local time) on a given day. */
function slotOn(day: Date, at: string): Date {
  const [h, m] = at.split(':').map(Number) as [number, number];
  const slot = new Date(day);
  slot.setHours(h, m, 0, 0);
  return slot;
}

/**
 * Retention (issue 15): settings per kind, the purge (on demand, daily, from the
 * terminal), its preview, and legal holds. A purge is one IMMEDIATE transaction: a
 * desk or window writing at the same time waits for it (busy_timeout) and never sees
 * half a purge; the full-text index is rewritten in it; files go after it commits.
 */
export class RetentionService {
  private running = false;
  private failed: string | null = null;
  /** When this desk started: a new desk's first purge waits for a slot it was running at. */
  private readonly startedAt: Date;

  constructor(private readonly p: RetentionDeps) {
    this.startedAt = p.clock.now();
  }

  settings(): RetentionSettings {
    return this.p.settings.section('retention', RetentionSettings, DEFAULT_RETENTION);
  }

  saveSettings(next: RetentionSettings, actor: string): RetentionStatus {
    this.p.settings.updateSection('retention', RetentionSettings, next, actor);
    return this.status();
  }

  status(): RetentionStatus {
    const settings = this.settings();
    const last = this.p.repo.runs(1)[0];
    return {
      settings,
      videoWindowMinutes: this.p.video.windowMinutes(),
      lastRun: last ? this.toRun(last) : null,
      nextAt: settings.daily ? this.nextAt(last ?? null).toISOString() : null,
      running: this.running,
      failed: this.failed,
    };
  }

  runs(): PurgeRun[] {
    return this.p.repo.runs().map((r) => this.toRun(r));
  }

  /** Exactly what a purge now would remove: the same pass, rolled back. */
  preview(): PurgePreview {
    const now = this.p.clock.now();
    // Read only, in one read transaction: the counts agree with each other, and the desk's
    // writes go on (WAL) while it counts.
    const out = this.p.db.transaction(() =>
      purgePass({ ...this.passInput(now, Number.POSITIVE_INFINITY), plan: true }),
    )();
    return { at: now.toISOString(), counts: [this.videoCount(0), ...out.counts], files: out.fileCount };
  }

  async purge(trigger: PurgeRun['trigger'], actor: string | null): Promise<PurgeRun> {
    if (this.running) throw conflict('A purge is already running. Wait for it to finish.');
    this.running = true;
    try {
      // The buffer trims itself by age as each segment lands; a purge trims it once more first.
      const trimmed = await this.p.video.trimNow();
      const started = this.p.clock.now();
      const id = uuidv7();
      const totals = new Map<string, PurgeCount>();
      let files = 0;
      let incidentsRemoved = 0;
      // Passes of at most PASS_BUDGET records of each kind, each its own short transaction,
      // until one removes nothing: the desk's writes go on between them.
      for (;;) {
        const r = this.p.db.transaction(() => this.pass(started, PASS_BUDGET)).immediate();
        // After each commit: a crash here leaves files without rows, which the next start sweeps.
        this.p.domains.attachments.deleteFiles(r.files);
        files += r.files.length;
        incidentsRemoved += r.incidentsRemoved;
        for (const c of r.counts) {
          const t = totals.get(c.kind) ?? { ...c, count: 0, oldest: null };
          t.count += c.count;
          t.held = Math.max(t.held, c.held);
          if (c.oldest && (t.oldest === null || c.oldest < t.oldest)) t.oldest = c.oldest;
          totals.set(c.kind, t);
        }
        if (r.removedIds === 0) break;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      // Deleted words stay in the full-text index's older segments until it is rewritten:
      // in steps, each its own transaction, like the passes.
      if (incidentsRemoved > 0) {
        let first = true;
        while (this.p.db.transaction(() => this.p.domains.incidents.mergeIndexStep(first)).immediate()) {
          first = false;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      const counts = [this.videoCount(trimmed), ...PURGE_ORDER.map((k) => totals.get(k)!)];
      const run = this.p.db
        .transaction(() => {
          const finishedAt = this.p.clock.now();
          const row: RunRow = {
            id,
            startedAt: started.toISOString(),
            finishedAt: finishedAt.toISOString(),
            trigger,
            by: actor,
            counts,
            files,
            ms: finishedAt.getTime() - started.getTime(),
          };
          this.p.repo.insertRun(row);
          // What kinds and how many: never what the records said.
          this.p.journal.append({
            kind: 'retention.purged',
            recordId: id,
            actor,
            payload: { trigger, counts: counts.map((c) => ({ kind: c.kind, count: c.count })), files },
          });
          return row;
        })
        .immediate();
      if (!flushWal(this.p.db)) this.p.log('retention: a reader kept the WAL from being emptied after a purge');
      this.failed = null;
      this.p.changed();
      const total = run.counts.reduce((n, c) => n + c.count, 0);
      this.p.log(`retention: purged ${total} records and ${files} files (${trimmed} video segments)`);
      return this.toRun(run);
    } catch (e) {
      this.failed = (e as Error).message;
      throw e;
    } finally {
      this.running = false;
    }
  }

  /** The minute timer: the daily purge, once a day at its time. */
  tick(): void {
    const s = this.settings();
    if (!s.daily || this.running) return;
    const last = this.p.repo.runs(1)[0] ?? null;
    if (this.nextAt(last) <= this.p.clock.now()) {
      this.purge('schedule', null).catch((e: unknown) => this.p.log('retention: the daily purge failed', e));
    }
  }

  // ---- legal holds ----

  holds(staffId: string): LegalHold[] {
    const rows = this.p.repo.allHolds();
    const out = this.toHolds(rows);
    // A hold on a person is listed by the person's name: an audited read, like any list of them.
    this.p.audit.record({
      staffId,
      action: 'read',
      subject: 'retention.holds',
      detail: `${out.length} legal holds listed`,
    });
    return out;
  }

  /** The hold on a record a supervisor has open (its view is an audited read already; this one names it too). */
  holdOf(kind: HoldKind, recordId: string, staffId: string): LegalHold | null {
    const row = this.p.repo.holdOf(kind, recordId);
    this.p.audit.record({
      staffId,
      action: 'read',
      subject: 'retention.holdOf',
      recordId,
      detail: row ? `Legal hold on this ${kind} shown` : `No legal hold on this ${kind}`,
    });
    return row ? (this.toHolds([row])[0] ?? null) : null;
  }

  setHold(
    h: { kind: HoldKind; recordId: string; reason: HoldRow['reason']; note: string; caseNumber: string },
    actor: string,
  ): LegalHold {
    if (!this.p.labels(h.kind, [h.recordId]).has(h.recordId)) throw notFound(`That ${h.kind}`);
    const row = {
      id: uuidv7(),
      kind: h.kind,
      recordId: h.recordId,
      reason: h.reason,
      note: h.note.trim(),
      caseNumber: h.caseNumber.trim(),
      setAt: this.p.clock.now().toISOString(),
      setBy: actor,
    };
    this.p.db
      .transaction(() => {
        if (this.p.repo.holdOf(h.kind, h.recordId)) {
          throw conflict('This record is already under a legal hold. Release that one first to change it.');
        }
        this.p.repo.insertHold(row);
        this.p.journal.append({ kind: 'hold.set', recordId: row.id, actor, payload: row });
      })
      .immediate();
    this.p.changed();
    return this.toHolds([this.p.repo.holdOf(h.kind, h.recordId)!])[0]!;
  }

  releaseHold(id: string, note: string, actor: string): LegalHold {
    const at = this.p.clock.now().toISOString();
    this.p.db
      .transaction(() => {
        const row = this.p.repo.hold(id);
        if (!row) throw notFound('That legal hold');
        if (!this.p.repo.release(id, at, actor, note.trim())) throw conflict('This legal hold was already released.');
        this.p.journal.append({
          kind: 'hold.released',
          recordId: id,
          actor,
          payload: { id, releasedAt: at, releasedBy: actor, releaseNote: note.trim() },
        });
      })
      .immediate();
    this.p.changed();
    return this.toHolds([this.p.repo.hold(id)!])[0]!;
  }

  // ---- inside ----

  private pass(now: Date, budget: number) {
    this.p.repo.openGate();
    try {
      return purgePass(this.passInput(now, budget));
    } finally {
      this.p.repo.closeGate();
    }
  }

  /** What a pass works from: the preview's and the purge's are the same but for plan. */
  private passInput(now: Date, budget: number) {
    return {
      db: this.p.db,
      d: this.p.domains,
      journal: this.p.journal,
      repo: this.p.repo,
      days: this.settings().days,
      now,
      holds: this.p.repo.activeHolds(),
      budget,
    };
  }

  /** Video segments past each camera's window: the buffer removes them as new ones land, so a purge finds few. */
  private videoCount(segments: number): PurgeCount {
    return { kind: 'videoBuffer', count: segments, oldest: null, held: 0 };
  }

  private nextAt(last: RunRow | null): Date {
    const now = this.p.clock.now();
    const { dailyAt } = this.settings();
    const today = slotOn(now, dailyAt);
    const doneToday = last !== null && new Date(last.startedAt) >= today;
    if (now < today) return today;
    // Today's slot is due if this desk was running at its time, or (off then) has purged
    // before and so catches up on the missed day. A new desk waits for its first slot.
    if (!doneToday && (last !== null || this.startedAt <= today)) return today;
    const tomorrow = new Date(today);
    tomorrow.setDate(tomorrow.getDate() + 1);
    return slotOn(tomorrow, dailyAt);
  }

  private toRun(r: RunRow): PurgeRun {
    const byName = r.by ? (this.p.staffNames([r.by]).get(r.by) ?? null) : null;
    return {
      id: r.id,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      trigger: r.trigger,
      byName,
      counts: r.counts,
      files: r.files,
      ms: r.ms,
    };
  }

  private toHolds(rows: readonly HoldRow[]): LegalHold[] {
    const names = this.p.staffNames(rows.flatMap((r) => [r.setBy, ...(r.releasedBy ? [r.releasedBy] : [])]));
    const labels = new Map<string, string>();
    for (const kind of ['person', 'incident', 'ban', 'call'] as const) {
      const of = rows.filter((r) => r.kind === kind).map((r) => r.recordId);
      if (of.length > 0) for (const [id, label] of this.p.labels(kind, of)) labels.set(`${kind}:${id}`, label);
    }
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      recordId: r.recordId,
      label: labels.get(`${r.kind}:${r.recordId}`) ?? '(record no longer on file)',
      reason: r.reason,
      note: r.note,
      caseNumber: r.caseNumber,
      setAt: r.setAt,
      setByName: names.get(r.setBy) ?? 'Unknown',
      releasedAt: r.releasedAt,
      releasedByName: r.releasedBy ? (names.get(r.releasedBy) ?? 'Unknown') : null,
      releaseNote: r.releaseNote,
    }));
  }
}
