import type { CameraKind, StreamName } from '../../shared/contract/cameras';

/**
 * One stream a supervisor connects to, with its credentials decrypted. It stays in
 * main: nothing of it is ever sent to a renderer or written to a log.
 */
export interface StreamSource {
  cameraId: string;
  stream: StreamName;
  kind: CameraKind;
  url: string;
  username: string | null;
  password: string | null;
}
