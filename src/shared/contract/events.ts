import { z } from 'zod';
import { event } from './define';
import { SessionState } from './auth';
import { StreamHealth } from './cameras';
import { DeskAlert } from './alerts';
import { admins, supervisors } from '../roles';

/** Push events, main → renderer. Later domains add theirs here. */
export const events = {
  /** This console's session changed in main (locked by idle timeout, signed out elsewhere). */
  'session.changed': event({ payload: SessionState, audience: 'session' }),
  /** Branches or zones changed: pickers and filters refresh. */
  'branches.changed': event({ payload: z.object({}), audience: 'session' }),
  /** A camera stream's health changed (state, reason, or a new segment while not live). */
  'camera.health': event({ payload: StreamHealth, audience: 'session' }),
  /** Cameras were added, edited, disabled or removed: the wall reloads its list. */
  'cameras.changed': event({ payload: z.object({}), audience: 'session' }),
  /** A snapshot was saved at this desk: trays refresh. */
  'snapshots.changed': event({ payload: z.object({}), audience: 'session' }),
  /** This console's desk alerts changed: the header's strip shows the new list. */
  'alerts.changed': event({ payload: z.object({ alerts: z.array(DeskAlert) }), audience: 'session' }),
  /** A ban or warning changed (issued, approved, lifted, a notice, an appeal, a meeting): open views refresh. */
  'bans.changed': event({ payload: z.object({ banId: z.string(), personId: z.string() }), audience: 'session' }),
  /** A person's record changed (edited, a photo, merged, seen): open views refresh. */
  'persons.changed': event({ payload: z.object({ personId: z.string() }), audience: 'session' }),
  /** A branch's closing checklist changed (an answer, an exception, a sign-off, its template): screens reload it. */
  'closing.changed': event({
    payload: z.object({ branchId: z.string(), runId: z.string().nullable(), version: z.number().int().nullable() }),
    audience: 'session',
  }),
  /** A branch's patrol routes or rounds changed (a checkpoint visited, a round ended): screens reload them. */
  'rounds.changed': event({
    payload: z.object({ branchId: z.string(), roundId: z.string().nullable(), version: z.number().int().nullable() }),
    audience: 'session',
  }),
  /** A bookmark was added, changed or removed: the shift's list and open timelines refresh. */
  'bookmarks.changed': event({ payload: z.object({ cameraId: z.string() }), audience: 'session' }),
  /** A clip's poster frame was made, a moment after the clip (clips show it by the clip's hash). */
  'clip.poster': event({ payload: z.object({ clipId: z.string(), sha256: z.string() }), audience: 'session' }),
  /** A camera's replay buffer changed how it records (settings, the disk filled, video stopped arriving). */
  'recording.changed': event({ payload: z.object({}), audience: admins }),
  /** A legal hold was set or released, or a purge ran: record views and Settings → Retention refresh. */
  'retention.changed': event({ payload: z.object({}), audience: supervisors }),
  /** Main's clock was moved (the web shell's test clock only): screens showing time follow it. */
  'clock.changed': event({ payload: z.object({ now: z.iso.datetime() }), audience: 'session' }),
  /** A call was logged, stepped, corrected or linked: open lists and its detail refresh. */
  'calls.changed': event({ payload: z.object({ callId: z.string() }), audience: 'session' }),
  /**
   * An evacuation started, changed or ended. Sent to every console, signed in or not
   * (the sign-in and lock screens show the emergency banner too): ids only, no facts.
   */
  'evacuation.changed': event({ payload: z.object({ evacuationId: z.string() }), audience: 'session' }),
  /** A branch's evacuation plan (assembly point, sweep order) was saved. */
  'evacuationPlans.changed': event({ payload: z.object({}), audience: 'session' }),
  /** A shift started or ended, or the shift log changed (an entry, a correction, a callback, an acknowledgement). */
  'shifts.changed': event({ payload: z.object({}), audience: 'session' }),
  /** The community resource directory changed, or a referral was counted. */
  'resources.changed': event({ payload: z.object({}), audience: 'session' }),
  /** An activity report was made, or a send of one was tried. */
  'activity.changed': event({ payload: z.object({ reportId: z.string() }), audience: 'session' }),
  /** The mail settings were saved: whether reports can be emailed, and to whom. */
  'mail.changed': event({ payload: z.object({}), audience: 'session' }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]['payload']>;
