import type { CameraKind } from '../../shared/contract/cameras';

const SCHEMES: Record<CameraKind, { protocols: string[]; rule: string }> = {
  hls: { protocols: ['http:', 'https:'], rule: 'must start with http:// or https:// for an hls camera' },
  rtsp: { protocols: ['rtsp:', 'rtsps:'], rule: 'must start with rtsp:// (or rtsps://) for an rtsp camera' },
};

/** What is wrong with an address for this kind of camera, as the end of a sentence; null when fine. */
export function addressProblem(kind: CameraKind, address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return `is not a valid address (for example ${kind === 'hls' ? 'http://nvr.local/cam1/index.m3u8' : 'rtsp://192.168.1.20:554/stream1'})`;
  }
  if (!SCHEMES[kind].protocols.includes(url.protocol)) return SCHEMES[kind].rule;
  if (!url.hostname) return 'has no host name';
  return null;
}

export interface Credentials {
  username: string | null;
  password: string | null;
}

const decode = (part: string): string => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

/**
 * Moves credentials typed into an address (`rtsp://user:pass@host/…`) out of it:
 * addresses are shown to administrators and kept in plain text, passwords are not.
 * Call only with an address addressProblem accepted.
 */
export function splitCredentials(address: string): { url: string; credentials: Credentials | null } {
  const url = new URL(address);
  if (!url.username && !url.password) return { url: address, credentials: null };
  const credentials = { username: decode(url.username) || null, password: decode(url.password) || null };
  url.username = '';
  url.password = '';
  return { url: url.href, credentials };
}

export interface AddressFields {
  kind: CameraKind;
  url: string;
  gridUrl: string | null;
  username: string | null;
  /** undefined: keep the stored one (edit); null: none. */
  password?: string | null;
}

export type AddressProblems = Partial<Record<'url' | 'gridUrl', string>>;

/**
 * Checks both addresses and takes their embedded credentials out. Fields typed
 * separately win over credentials in an address; the two addresses may not carry
 * different ones, since a camera has one user name and password.
 */
export function prepareAddresses(
  f: AddressFields,
): { ok: true; value: Omit<AddressFields, 'kind'> } | { ok: false; problems: AddressProblems } {
  const problems: AddressProblems = {};
  const urlProblem = addressProblem(f.kind, f.url);
  if (urlProblem) problems.url = urlProblem;
  const gridProblem = f.gridUrl === null ? null : addressProblem(f.kind, f.gridUrl);
  if (gridProblem) problems.gridUrl = gridProblem;
  if (urlProblem || gridProblem) return { ok: false, problems };

  const main = splitCredentials(f.url);
  const grid = f.gridUrl === null ? null : splitCredentials(f.gridUrl);
  if (
    main.credentials &&
    grid?.credentials &&
    (main.credentials.username !== grid.credentials.username || main.credentials.password !== grid.credentials.password)
  ) {
    return { ok: false, problems: { gridUrl: 'carries a user name or password different from the main address' } };
  }
  const embedded = main.credentials ?? grid?.credentials ?? null;
  const username = f.username || embedded?.username || null;
  // '' is an empty password field: no password. undefined (keep) and null (clear) yield to a typed-in one.
  const password = f.password ? f.password : (embedded?.password ?? (f.password === undefined ? undefined : null));
  return { ok: true, value: { url: main.url, gridUrl: grid?.url ?? null, username, password } };
}
