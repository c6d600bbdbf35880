import { z } from 'zod';
import { event } from './define';
import { SessionState } from './auth';
import { StreamHealth } from './cameras';
import { DeskAlert } from './alerts';
import { admins } from '../roles';

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
  /** A bookmark was added, changed or removed: the shift's list and open timelines refresh. */
  'bookmarks.changed': event({ payload: z.object({ cameraId: z.string() }), audience: 'session' }),
  /** A camera's replay buffer changed how it records (settings, the disk filled, video stopped arriving). */
  'recording.changed': event({ payload: z.object({}), audience: admins }),
  /** Main's clock was moved (the web shell's test clock only): screens showing time follow it. */
  'clock.changed': event({ payload: z.object({ now: z.iso.datetime() }), audience: 'session' }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]['payload']>;
