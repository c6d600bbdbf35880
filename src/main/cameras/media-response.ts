/** What the media handler answers; each shell turns it into its own response type. */
export interface MediaResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string | null;
}

export const PLAYLIST_TYPE = 'application/vnd.apple.mpegurl';

export function plain(status: number, text: string): MediaResponse {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, body: text };
}

export const notFound = (): MediaResponse => plain(404, 'Not found');

export function playlistResponse(text: string): MediaResponse {
  return { status: 200, headers: { 'Content-Type': PLAYLIST_TYPE, 'Cache-Control': 'no-store' }, body: text };
}

const SEGMENT_TYPES: Record<string, string> = {
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  aac: 'audio/aac',
  bin: 'application/octet-stream',
};

/** A segment's content type from the local name we gave it, never from the upstream's say-so. */
export function segmentResponse(name: string, body: Buffer): MediaResponse {
  const ext = name.slice(name.lastIndexOf('.') + 1);
  return {
    status: 200,
    // Segments never change under a name, but they hold camera images: not kept by any cache.
    headers: { 'Content-Type': SEGMENT_TYPES[ext] ?? 'application/octet-stream', 'Cache-Control': 'no-store' },
    body,
  };
}
