import type { Branch } from '../../src/shared/contract';
import { deskWithAdmin, type TestConsole, type TestDesk } from './services';

export interface CameraDesk {
  desk: TestDesk;
  admin: TestConsole;
  main: Branch;
  east: Branch;
  /** A signed-in officer console. */
  officer(): Promise<TestConsole>;
}

/** A desk with two branches (MAIN: Lobby, Stacks; EAST: Entrance) for camera tests. */
export async function cameraDesk(): Promise<CameraDesk> {
  const { desk, admin } = await deskWithAdmin();
  const addBranch = async (name: string, code: string, zones: string[]) => {
    let b = await admin.must('branches.add', { name, code, address: '', timeZone: 'America/Chicago' });
    for (const zone of zones)
      b = await admin.must('zones.add', { branchId: b.id, name: zone, kind: 'interior', floor: '' });
    return b;
  };
  const main = await addBranch('Main Library', 'MAIN', ['Lobby', 'Stacks']);
  const east = await addBranch('East Branch', 'EAST', ['Entrance']);
  let officers = 0;
  return {
    desk,
    admin,
    main,
    east,
    async officer() {
      const username = `officer${++officers}`;
      await admin.must('staff.add', {
        name: `Officer ${officers}`,
        username,
        role: 'officer',
        passphrase: 'officer passphrase',
      });
      const c = desk.console();
      await c.must('auth.signIn', { username, passphrase: 'officer passphrase' });
      return c;
    },
  };
}

/** Input for cameras.add at MAIN's Lobby. */
export const lobbyCamera = (d: CameraDesk, fields: Record<string, unknown> = {}) => ({
  name: 'Main - Entrance',
  branchId: d.main.id,
  zoneId: d.main.zones.find((z) => z.name === 'Lobby')!.id,
  kind: 'hls' as const,
  url: 'http://nvr.local/cam1/index.m3u8',
  gridUrl: null,
  username: null,
  password: null,
  ...fields,
});
