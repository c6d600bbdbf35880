import type { Log } from './log';

/**
 * Domain events: what one domain announces and others react to, after the change
 * has committed. This replaces callbacks handed from one constructor to another:
 * a domain emits, and whoever cares subscribes in its own factory. A new domain
 * adds its events here.
 */
export interface DomainEventMap {
  /** A staff member's account changed (name, role, active): name caches refresh. */
  'staff.changed': { staffId: string };
  /** A new passphrase was set: the old one's failed guesses no longer count. */
  'staff.passphraseReset': { staffId: string; username: string };
  /** A staff member lost access: their consoles are signed out. */
  'staff.deactivated': { staffId: string };
  /** Desk settings changed (the idle lock): consoles learn it at once. */
  'settings.changed': Record<string, never>;
  /** A branch or zone was added, edited, retired or restored. */
  'branches.changed': { branchId: string };
  /** A camera was added, edited, enabled, disabled or imported. */
  'cameras.changed': { cameraIds: string[] };
  /** A camera was removed: its supervisors stop, its video is no longer served. */
  'camera.removed': { cameraId: string };
  /** A camera snapshot was saved. */
  'snapshot.taken': { attachmentId: string; cameraId: string };
  /** An incident report was submitted (filed with a number). */
  'incident.submitted': { incidentId: string; number: string };
  /** A filed report changed: amended, reviewed or closed. */
  'incident.changed': { incidentId: string };
  /** A person's record changed (added, edited, a photo, merged). */
  'person.changed': { personId: string };
  /** A ban or warning was issued, approved, lifted, appealed, or its meeting or notice recorded. */
  'ban.changed': { banId: string; personId: string };
  /** A staff call was logged, stepped, corrected, given an agency or linked to a report. */
  'call.changed': { callId: string };
  /** When open calls become alerts was changed. */
  'callAlerts.changed': Record<string, never>;
  /** An evacuation started, had something recorded, or got its all clear. */
  'evacuation.changed': { evacuationId: string; branchId: string };
  /** A branch's evacuation plan was saved. */
  'evacuationPlan.changed': { branchId: string };
  /** A closing checklist, exception, template or policy of a branch changed (version: the run's journal length). */
  'closing.changed': { branchId: string; runId: string | null; version: number | null };
  /** A patrol route or round of a branch changed (version: the round's journal length). */
  'rounds.changed': { branchId: string; roundId: string | null; version: number | null };
  /** A bookmark was added, its note changed, or removed. */
  'bookmark.changed': { cameraId: string };
  /** A camera's replay buffer changed how it records: settings, the disk, video arriving or not. */
  'recording.changed': Record<string, never>;
  /** A shift started or ended, or the shift log changed (branch null: a desk for every branch). */
  'shift.changed': { branchId: string | null };
  /** A shift ended (its report may be sent by itself). */
  'shift.ended': { shiftId: string };
  /** The community resource directory changed, or a referral was counted. */
  'resources.changed': Record<string, never>;
  /** An activity report was made, or a send of one was tried. */
  'activity.changed': { reportId: string };
  /** The mail settings were saved. */
  'mail.changed': Record<string, never>;
  /** The web shell's test clock was moved (tests only): everything derived from time is recomputed. */
  'clock.changed': { now: string };
}

export type DomainEventName = keyof DomainEventMap;
type Handler<E extends DomainEventName> = (payload: DomainEventMap[E]) => void;

export class DomainEvents {
  private readonly handlers = new Map<DomainEventName, Set<Handler<never>>>();
  private readonly anyHandlers = new Set<(event: DomainEventName) => void>();

  constructor(private readonly log: Log) {}

  /** Subscribes; returns the unsubscribe. */
  on<E extends DomainEventName>(event: E, handler: Handler<E>): () => void {
    const set = this.handlers.get(event) ?? new Set();
    set.add(handler as Handler<never>);
    this.handlers.set(event, set);
    return () => set.delete(handler as Handler<never>);
  }

  /** Subscribes to every event (the alert scheduler recomputes after any change); returns the unsubscribe. */
  onAny(handler: (event: DomainEventName) => void): () => void {
    this.anyHandlers.add(handler);
    return () => this.anyHandlers.delete(handler);
  }

  /**
   * Tells every subscriber, in order. Call it after the change has committed. A
   * subscriber that throws is logged and the others still run: the change is done,
   * and one listener's failure must not undo another's work.
   */
  emit<E extends DomainEventName>(event: E, payload: DomainEventMap[E]): void {
    for (const handler of this.handlers.get(event) ?? []) {
      try {
        (handler as Handler<E>)(payload);
      } catch (e) {
        this.log(`a subscriber to ${event} failed`, e);
      }
    }
    for (const handler of this.anyHandlers) {
      try {
        handler(event);
      } catch (e) {
        this.log(`a subscriber to every event failed on ${event}`, e);
      }
    }
  }
}
