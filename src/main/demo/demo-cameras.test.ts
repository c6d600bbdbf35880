import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { testDesk } from '../../../test/helpers/services';
import { tempDir } from '../../../test/helpers/temp-dir';
import { waitFor } from '../../../test/helpers/wait';
import { demoAccounts } from './seed';

const dir = tempDir('vigil-demo-cameras-');
afterAll(() => dir.remove());

const ffmpegChildren = () =>
  execFileSync('ps', ['-o', 'pid=,stat=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes('ffmpeg'));

async function demoDesk() {
  const desk = testDesk({ demo: true, dataDir: dir.path });
  const admin = desk.console();
  const account = demoAccounts.find((a) => a.role === 'admin')!;
  await admin.must('auth.signIn', { username: account.username, passphrase: account.passphrase });
  const live = () =>
    waitFor(
      'every demo camera live',
      async () => {
        const { cameras } = await admin.must('cameras.list', {});
        return cameras.length > 0 && cameras.every((c) => c.health.every((h) => h.state === 'live')) && cameras;
      },
      15_000,
      250,
    );
  return { desk, admin, live };
}

describe('demo cameras', { timeout: 120_000 }, () => {
  it('seeds live hls cameras per branch once, follows the feed port on the next start, and reaps every ffmpeg', async () => {
    const first = await demoDesk();
    const cameras = await first.live();
    expect(cameras.map((c) => c.name)).toEqual(
      expect.arrayContaining(['MAIN - Lobby', 'MAIN - Circulation Desk', 'NORTH - Entrance', 'SOUTH - Entrance']),
    );
    expect(new Set(cameras.map((c) => c.branchId)).size).toBe(3);
    expect(cameras.every((c) => c.kind === 'hls' && !c.hasGrid)).toBe(true);
    const url = (await first.admin.must('cameras.get', { id: cameras[0]!.id })).url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/demo-feeds\/[a-z0-9-]+\/index\.m3u8$/);
    expect(ffmpegChildren()).toHaveLength(cameras.length);
    await first.desk.close();
    expect(ffmpegChildren()).toEqual([]);

    const second = await demoDesk();
    const again = await second.live();
    expect(again.map((c) => c.id).sort()).toEqual(cameras.map((c) => c.id).sort());
    expect((await second.admin.must('cameras.get', { id: cameras[0]!.id })).url).not.toBe(url);
    await second.desk.close();
    expect(ffmpegChildren()).toEqual([]);
  });
});
