import type { StreamHealth } from '../../shared/contract/cameras';
import type { MediaResponse } from './media-response';
import type { StreamSource } from './sources';

/** One stream's supervisor: keeps its health current and serves its media. */
export interface Supervisor {
  readonly source: StreamSource;
  health(): StreamHealth;
  start(): void;
  /** Stops polling and any child process; resolves once the process has exited. */
  stop(): Promise<void>;
  playlist(): Promise<MediaResponse>;
  /**
   * Resolves true once segment `msn` (a media sequence number) is in the playlist,
   * false after timeoutMs or when the stream stops: blocking playlist reload for the renderer.
   */
  awaitSegment(msn: number, timeoutMs: number): Promise<boolean>;
  segment(name: string): Promise<MediaResponse>;
}

export type { Log } from '../log';
