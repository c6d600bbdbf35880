import type { Locator, Page } from '@playwright/test';
import { startHlsCamera, type HlsCamera } from '../fixtures/hls-camera';
import { alertSaying, createAdministrator, expect, signIn, test } from './fixtures';

const NAMES = ['Main - Entrance', 'Main - Lobby', 'Main - Stacks', 'Main - Garden'];

/** The page's own bridge, as a script on the page would use it. */
async function callInPage(page: Page, method: string, input: unknown): Promise<{ ok: boolean; code?: string }> {
  return page.evaluate(
    async ([m, i]) => {
      // The method name is a test parameter here, so the typed signature cannot check it.
      const call = window.vigil!.call as (m: string, i: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
      const r = await call(m as string, i);
      return { ok: r.ok, code: r.error?.code };
    },
    [method, input] as const,
  );
}

/** True once the tile's video has moved forward by more than `by` seconds since the first look. */
async function expectVideoAdvancing(tile: Locator, by = 0.5): Promise<void> {
  const video = tile.locator('video');
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 })
    .toBeGreaterThan(0);
  const start = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(start + by);
}

test('cameras imported from a file play live on a 2 × 2 wall, say Offline when a source dies and Live when it returns; snapshots are kept; officers cannot edit cameras', async ({
  page,
  vigil,
}) => {
  test.setTimeout(90_000);
  const cameras: HlsCamera[] = await Promise.all(
    NAMES.map((label) => startHlsCamera({ label, size: '320x180', fps: 10 })),
  );
  try {
    await Promise.all(cameras.map((c) => c.waitForSegments(2)));
    await createAdministrator(page, vigil.url);
    expect(
      await callInPage(page, 'branches.add', {
        name: 'Main Library',
        code: 'MAIN',
        address: '',
        timeZone: 'America/Chicago',
      }),
    ).toEqual({ ok: true, code: undefined });

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Cameras' }).click();
    const importInput = page.getByLabel('Import cameras', { exact: true });

    // A file with mistakes imports nothing and names every problem by its entry.
    const bad = { cameras: [{ name: 'Nowhere', branch: 'NOPE', zone: 'Lobby', kind: 'hls', url: cameras[0]!.url }] };
    await importInput.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await expect(alertSaying(page, /File: bad\.json/)).toBeVisible();
    await expect(alertSaying(page, /Entry 1: .*NOPE/)).toBeVisible();

    const file = {
      cameras: cameras.map((c, i) => ({ name: NAMES[i], branch: 'MAIN', zone: 'Lobby', kind: 'hls', url: c.url })),
    };
    await importInput.setInputFiles({
      name: 'cameras.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect(page.getByRole('status').filter({ hasText: 'Imported 4 cameras (1 new zone)' })).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Cameras', exact: true }).getByRole('row', { name: /Main - Garden/ }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Close settings' }).click();

    // The wall: 2 × 2, every tile playing, live, saying how far behind.
    await page.getByRole('radio', { name: '2 × 2' }).check();
    const tiles = NAMES.map((name) => page.getByRole('region', { name, exact: true }));
    for (const tile of tiles) await expect(tile).toContainText('Live', { timeout: 15_000 });
    await Promise.all(tiles.map((tile) => expectVideoAdvancing(tile)));
    await expect(tiles[0]!).toContainText(/\d+\.\d s behind/);
    // Demuxing runs in hls.js's worker, loaded from the app's own origin, not on the page's thread.
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toContainEqual(
      expect.stringMatching(/^\/assets\/hls\.worker-[\w-]+\.js$/),
    );

    // One source dies: its tile says so; the others keep playing.
    await cameras[1]!.stop();
    await expect(tiles[1]!).toContainText('Offline', { timeout: 12_000 });
    await expect(tiles[1]!).toContainText(/since last frame/);
    await expect(tiles[0]!).toContainText('Live');

    // It returns: Live again without anyone touching it, and moving.
    cameras[1]!.start();
    await expect(tiles[1]!).toContainText('Live', { timeout: 20_000 });
    await expectVideoAdvancing(tiles[1]!);

    // A snapshot from a tile is saved and listed in the tray.
    await tiles[2]!.getByRole('button', { name: 'Snapshot of Main - Stacks' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /Snapshot saved — Main - Stacks \d\d:\d\d:\d\d/ }),
    ).toBeVisible();
    const tray = page.getByRole('region', { name: 'Snapshots this shift' });
    await expect(tray.getByRole('listitem').filter({ hasText: 'Main - Stacks' })).toBeVisible();
    await expect(tray.getByRole('img', { name: /Main - Stacks at/ })).toHaveJSProperty('complete', true);

    // An officer sees the wall but not Settings → Cameras, and main refuses camera changes.
    expect(
      await callInPage(page, 'staff.add', {
        name: 'Olu Officer',
        username: 'olu',
        role: 'officer',
        passphrase: 'officer passphrase',
      }),
    ).toEqual({ ok: true, code: undefined });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'olu', 'officer passphrase');
    await expect(tiles[0]!).toContainText('Live', { timeout: 15_000 });
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('tab', { name: 'Preferences' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Cameras' })).toHaveCount(0);
    const add = await callInPage(page, 'cameras.add', {
      name: 'Sneaky',
      branchId: '00000000-0000-7000-8000-000000000000',
      zoneId: '00000000-0000-7000-8000-000000000000',
      kind: 'hls',
      url: cameras[0]!.url,
      gridUrl: null,
      username: null,
      password: null,
    });
    expect(add).toEqual({ ok: false, code: 'FORBIDDEN' });
  } finally {
    await Promise.all(cameras.map((c) => c.close()));
  }
});

test('the wall by keyboard: place a camera in a slot, save the view, show a camera large, snapshot with S, back with Esc', async ({
  page,
  vigil,
}) => {
  const cameras = await Promise.all(
    NAMES.slice(0, 2).map((label) => startHlsCamera({ label, size: '320x180', fps: 10 })),
  );
  try {
    await createAdministrator(page, vigil.url);
    await callInPage(page, 'branches.add', { name: 'Main Library', code: 'MAIN', address: '', timeZone: 'UTC' });
    const file = {
      cameras: cameras.map((c, i) => ({ name: NAMES[i], branch: 'MAIN', zone: 'Lobby', kind: 'hls', url: c.url })),
    };
    expect(await callInPage(page, 'cameras.import', { json: JSON.stringify(file) })).toMatchObject({ ok: true });

    // Pick Main - Lobby in the camera list, then place it in slot 1: the two cameras swap.
    await page.getByRole('radio', { name: '2 × 2' }).check();
    await page.getByRole('button', { name: 'Arrange cameras' }).click();
    const chip = page.getByRole('button', { name: /^Main - Lobby/ });
    await chip.click();
    await expect(chip).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Place in slot 1', exact: true }).click();
    // The camera tiles, in slot order: regions with a video and no region inside.
    const regions = page
      .getByRole('region')
      .filter({ has: page.locator('video') })
      .filter({ hasNot: page.getByRole('region') });
    await expect(regions.first()).toHaveAccessibleName('Main - Lobby');
    await expect(regions.nth(1)).toHaveAccessibleName('Main - Entrance');

    await page.getByRole('button', { name: 'Save view…' }).click();
    await page.getByLabel('View name', { exact: true }).fill('Lobby first');
    await page.getByRole('button', { name: 'Save view', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved the view “Lobby first”' })).toBeVisible();
    await expect(page.getByLabel('View', { exact: true })).toHaveText(/Lobby first/);

    // Enter shows the focused tile large; S saves its frame; Esc goes back to the wall.
    const lobby = page.getByRole('region', { name: 'Main - Lobby', exact: true });
    await expect(lobby).toContainText('Live', { timeout: 15_000 });
    await lobby.focus();
    await page.keyboard.press('Enter');
    const back = page.getByRole('button', { name: 'Back to the wall' });
    await expect(back).toBeVisible();
    await expect(page.getByRole('region', { name: 'Main - Lobby', exact: true })).toContainText('Live', {
      timeout: 15_000,
    });
    await expect(page.getByRole('region', { name: 'Main - Lobby', exact: true }).locator('video')).toHaveJSProperty(
      'paused',
      false,
    );
    await page.keyboard.press('s');
    await expect(page.getByRole('status').filter({ hasText: /Snapshot saved — Main - Lobby/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(back).toHaveCount(0);
    await expect(regions.first()).toBeFocused();
  } finally {
    await Promise.all(cameras.map((c) => c.close()));
  }
});
