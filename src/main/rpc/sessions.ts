import { randomBytes, randomUUID } from 'node:crypto';
import { events, type EventName, type EventPayload } from '../../shared/contract';
import { systemClock, type Clock } from '../clock';

export type Push = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The media path of a console: its key lets the media handler tell whose request a file is. */
export const mediaBase = (session: Session): string => `media/${session.mediaKey}`;

/** One per connected console (a BrowserWindow, or a browser tab on the web shell). */
export interface Session {
  readonly id: string;
  staffId: string | null;
  locked: boolean;
  lastActivity: number;
  /**
   * Random per console: media URLs carry it, because a browser's media requests
   * carry no session. Valid only while this session is signed in and unlocked.
   */
  readonly mediaKey: string;
  readonly push: Push;
}

/** The sessions of every connected console, and the push of events to them. */
export class Sessions {
  private readonly all = new Map<string, Session>();

  constructor(private readonly clock: Clock = systemClock) {}

  open(push: Push): Session {
    const session: Session = {
      id: randomUUID(),
      staffId: null,
      locked: false,
      lastActivity: this.clock.ms(),
      mediaKey: randomBytes(24).toString('base64url'),
      push,
    };
    this.all.set(session.id, session);
    return session;
  }

  close(session: Session): void {
    this.all.delete(session.id);
  }

  /** The session a media URL's key belongs to, if any. */
  byMediaKey(key: string): Session | undefined {
    for (const s of this.all.values()) if (s.mediaKey === key) return s;
    return undefined;
  }

  list(): Session[] {
    return [...this.all.values()];
  }

  /** Sends an event to every signed-in, unlocked session whose role is in the event's audience. */
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>, roleOf: (staffId: string) => string | null): void {
    const audience = events[event].audience;
    for (const s of this.all.values()) {
      if (!s.staffId || s.locked) continue;
      const role = roleOf(s.staffId);
      if (role === null) continue;
      if (audience !== 'session' && !(audience as readonly string[]).includes(role)) continue;
      s.push(event, payload);
    }
  }
}
