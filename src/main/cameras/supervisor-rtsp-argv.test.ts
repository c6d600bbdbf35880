import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRtspCameras, type RtspCameras } from '../../../test/fixtures/rtsp-cameras';
import { tempDir } from '../../../test/helpers/temp-dir';
import { waitFor } from '../../../test/helpers/wait';
import type { HealthReason, StreamHealth } from '../../shared/contract/cameras';
import { uuidv7 } from '../ids';
import { findFfmpeg } from './ffmpeg';
import type { StreamSource } from './sources';
import { RtspSupervisor } from './supervisor-rtsp';

// A quote and a space: the list on stdin must quote the first, the URL encodes the second.
const USERNAME = 'desk-argv';
const PASSWORD = "Pa'ss w0rd-7f3k";
const SECRET_FORMS = [PASSWORD, encodeURIComponent(PASSWORD), new URL(`rtsp://u:${PASSWORD}@h/`).password];

const dir = tempDir('vigil-rtsp-argv-');
let cameras: RtspCameras;
const logged: string[] = [];
const running: RtspSupervisor[] = [];

beforeAll(async () => {
  cameras = await startRtspCameras({ count: 1, size: '320x180', fps: 10 });
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});
afterAll(async () => {
  await (cameras as RtspCameras | undefined)?.close();
  dir.remove();
});

/** Every process on the machine whose file reads: what `ps` or any other user could see. */
function everyProcess(file: 'cmdline' | 'environ'): { pid: number; text: string }[] {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      found.push({ pid: Number(entry), text: readFileSync(`/proc/${entry}/${file}`, 'latin1').replaceAll('\0', ' ') });
    } catch {
      // Ended while being read, or not ours to read (environ of another user).
    }
  }
  return found;
}

/** Inodes of the sockets a process holds, from the links in /proc/<pid>/fd. */
function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    const link = (() => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return ''; // Closed while being read.
      }
    })();
    const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
    if (inode) inodes.add(inode);
  }
  return inodes;
}

/** Inodes of the machine's sockets of one protocol (/proc/net/tcp, tcp6, udp, udp6; the 10th column). */
function protocolInodes(protocol: 'tcp' | 'udp'): Set<string> {
  const inodes = new Set<string>();
  for (const file of [`/proc/net/${protocol}`, `/proc/net/${protocol}6`]) {
    const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
    for (const line of lines) inodes.add(line.trim().split(/\s+/)[9]!);
  }
  return inodes;
}

/** An RTSP supervisor for the simulator's camera, with a user name and password; stopped after each test. */
function supervise(extra: Partial<StreamSource> = {}): RtspSupervisor {
  const source: StreamSource = {
    cameraId: uuidv7(),
    stream: 'main',
    kind: 'rtsp',
    url: cameras.url(1),
    username: USERNAME,
    password: PASSWORD,
    ...extra,
  };
  const sup = new RtspSupervisor(source, {
    dir: join(dir.path, uuidv7()),
    ffmpegPath: findFfmpeg(),
    onHealth: () => {},
    log: (m) => logged.push(m),
  });
  running.push(sup);
  sup.start();
  return sup;
}

const reach = (sup: RtspSupervisor, state: StreamHealth['state'], reason: HealthReason | null, timeoutMs: number) =>
  waitFor(
    `${state} ${reason ?? ''}`,
    () => sup.health().state === state && (reason === null || sup.health().reason === reason),
    timeoutMs,
  );

describe('RTSP camera credentials', { timeout: 60_000 }, () => {
  it('are in no process’s command line or environment while the stream is live over TCP', async () => {
    const sup = supervise();
    // A cold start takes ~3.5 s alone, longer while other suites load both cores.
    await reach(sup, 'live', null, 30_000);
    const pid = sup.pid!;
    expect(pid).toBeGreaterThan(0);

    // Segments come: ffmpeg reached the camera with the URL it was given on stdin.
    const text = String((await sup.playlist()).body);
    const name = text.split('\n').find((l) => /^seg\d+\.ts$/.test(l))!;
    const segment = await sup.segment(name);
    expect(segment.status).toBe(200);
    expect((segment.body as Buffer)[0]).toBe(0x47);

    // The transport option travels with the URL now: interleaved over the RTSP TCP connection, no UDP.
    const sockets = [...socketInodes(pid)];
    const tcp = protocolInodes('tcp');
    const udp = protocolInodes('udp');
    expect(sockets.filter((i) => tcp.has(i)).length).toBeGreaterThan(0);
    expect(sockets.filter((i) => udp.has(i))).toEqual([]);

    // What any user of the machine can read (ps, /proc/<pid>/cmdline), then what this user can (environ).
    const cmdlines = everyProcess('cmdline');
    const environs = everyProcess('environ');
    const holding = (list: { pid: number; text: string }[], secret: string) =>
      list.filter((p) => p.text.includes(secret)).map((p) => p.pid);
    for (const secret of SECRET_FORMS) {
      expect(holding(cmdlines, secret), `command lines holding ${secret}`).toEqual([]);
      expect(holding(environs, secret), `environments holding ${secret}`).toEqual([]);
    }
    const ffmpeg = cmdlines.find((p) => p.pid === pid)!.text;
    expect(ffmpeg).not.toContain('rtsp://');
    expect(ffmpeg).not.toContain(USERNAME);
    await sup.stop();
    expect(logged.join('\n')).not.toContain('w0rd');
  });

  it('starts no ffmpeg for an address with a line break, which could add a directive to the list', () => {
    const sup = supervise({ url: `${cameras.url(1)}\nfile 'rtsp://elsewhere/x'` });
    expect(sup.pid).toBeNull();
    expect(sup.health()).toMatchObject({ state: 'offline', reason: 'unreachable' });
    expect(logged.at(-1)).toMatch(/not started: The camera address holds a line break$/);
  });

  it('still has ffmpeg give up on a camera gone silent: the socket timeout travels on stdin too', async () => {
    const sup = supervise();
    await reach(sup, 'live', null, 30_000);
    // The server stops answering but keeps its connections open: only the timeout can end ffmpeg's
    // read (~5 s, then ~5 s more for its goodbye to the camera; without it ffmpeg hangs for good).
    process.kill(cameras.pid!, 'SIGSTOP');
    try {
      await reach(sup, 'offline', 'timeout', 20_000);
    } finally {
      process.kill(cameras.pid!, 'SIGCONT');
    }
  });
});
