import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Branch } from '../../shared/contract/branches';
import type { Camera, CameraDetail } from '../../shared/contract/cameras';
import { Backoff } from '../cameras/backoff';
import { stopChild } from '../cameras/child';
import type { CameraInput } from '../cameras/cameras.service';
import type { Log } from '../cameras/supervisor';
import { demoSeed } from './seed';
import { testPatternArgs } from './test-pattern';

/** The registry calls the demo needs. */
export interface DemoCameraRegistry {
  list(): Camera[];
  get(id: string): CameraDetail;
  add(input: CameraInput, actor: string | null): CameraDetail;
  update(id: string, input: CameraInput, actor: string | null): CameraDetail;
}

export interface DemoCamerasOptions {
  dataDir: string;
  ffmpegPath: string;
  branches: Branch[];
  cameras: DemoCameraRegistry;
  log: Log;
}

export interface DemoCameras {
  readonly feeds: { name: string; url: string }[];
  /** Stops every encoder (awaiting each exit) and the feed server. */
  close(): Promise<void>;
}

// The main branch shows three cameras, the others two: enough for a 2×2 and a 3×3 wall
// while keeping the encoders near 2.5 % of a core each on a two-core desk.
const CAMERAS_PER_BRANCH = [3, 2, 2];
const FEED_PATH = /^\/demo-feeds\/([a-z0-9-]{1,60})\/(index\.m3u8|seg\d{1,20}\.ts)$/;

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** Zones in the seed's order, which puts the ones a desk watches first (entrances, lobby). */
function seedOrder(branch: Branch): (zoneName: string) => number {
  const names = demoSeed.branches.find((b) => b.code === branch.code)?.zones.map((z) => z.name) ?? [];
  return (zoneName) => (names.includes(zoneName) ? names.indexOf(zoneName) : names.length);
}

/** The demo cameras: one per zone of the first zones of each branch, named "<CODE> - <zone>". */
function plannedCameras(branches: Branch[]): { name: string; slug: string; branchId: string; zoneId: string }[] {
  return branches.flatMap((b, i) => {
    const rank = seedOrder(b);
    return b.zones
      .filter((z) => !z.retired)
      .sort((x, y) => rank(x.name) - rank(y.name))
      .slice(0, CAMERAS_PER_BRANCH[i] ?? 2)
      .map((z) => {
        const name = `${b.code} - ${z.name}`;
        return { name, slug: slugOf(name), branchId: b.id, zoneId: z.id };
      });
  });
}

/**
 * Synthetic cameras for a training desk (`--demo`): ffmpeg draws each camera's name
 * and a clock into live HLS under <dataDir>/demo-feeds/, and a loopback HTTP server
 * serves them the way an NVR would. They are ordinary hls cameras in the registry,
 * added on the first demo start; later starts only point them at the new port.
 */
export async function startDemoCameras(opts: DemoCamerasOptions): Promise<DemoCameras> {
  const root = join(opts.dataDir, 'demo-feeds');
  rmSync(root, { recursive: true, force: true });
  const planned = plannedCameras(opts.branches);

  const server = createServer((req, res) => {
    const m = FEED_PATH.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!m || req.method !== 'GET') return void res.writeHead(404).end();
    const [, slug, file] = m as unknown as [string, string, string];
    void readFile(join(root, slug, file)).then(
      (body) =>
        res
          .writeHead(200, {
            'Content-Type': file.endsWith('.ts') ? 'video/mp2t' : 'application/vnd.apple.mpegurl',
            'Cache-Control': 'no-store',
          })
          .end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlOf = (slug: string) => `http://127.0.0.1:${port}/demo-feeds/${slug}/index.m3u8`;

  try {
    seedRegistry(opts.cameras, planned, urlOf);
  } catch (e) {
    server.close();
    throw e;
  }

  const encoders = new Map<string, ChildProcess>();
  let closed = false;
  const run = (slug: string, label: string, backoff: Backoff) => {
    const dir = join(root, slug);
    mkdirSync(dir, { recursive: true });
    const child = spawn(opts.ffmpegPath, testPatternArgs({ label, dir }), { stdio: 'ignore' });
    encoders.set(slug, child);
    child.once('error', (e) => opts.log(`demo camera ${slug}: ffmpeg could not start`, e));
    child.once('exit', () => {
      if (closed) return;
      // An encoder that dies comes back, like a camera that reboots.
      setTimeout(() => !closed && run(slug, label, backoff), backoff.next()).unref();
    });
  };
  for (const cam of planned) run(cam.slug, cam.name, new Backoff());

  return {
    feeds: planned.map((c) => ({ name: c.name, url: urlOf(c.slug) })),
    async close() {
      closed = true;
      await Promise.all([...encoders.values()].map((c) => stopChild(c)));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function seedRegistry(
  cameras: DemoCameraRegistry,
  planned: ReturnType<typeof plannedCameras>,
  urlOf: (slug: string) => string,
): void {
  const existing = cameras.list();
  if (existing.length === 0) {
    for (const c of planned) {
      const { slug, ...placed } = c;
      cameras.add({ ...placed, kind: 'hls', url: urlOf(slug), gridUrl: null, username: null, password: null }, null);
    }
    return;
  }
  // Only cameras still pointing at a demo feed follow it to the new port: anything an
  // administrator added or re-pointed stays as it is.
  for (const camera of existing) {
    const detail = cameras.get(camera.id);
    let slug: string | undefined;
    try {
      const u = new URL(detail.url);
      slug = u.hostname === '127.0.0.1' ? FEED_PATH.exec(u.pathname)?.[1] : undefined;
    } catch {
      slug = undefined;
    }
    if (!slug || detail.url === urlOf(slug)) continue;
    const { name, branchId, zoneId, kind, gridUrl, username } = detail;
    cameras.update(camera.id, { name, branchId, zoneId, kind, url: urlOf(slug), gridUrl, username }, null);
  }
}
