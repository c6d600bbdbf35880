import type { Page } from 'playwright-core';

/** The administrator every bench creates on its fresh data folder. */
export const ADMIN = { name: 'Bench Admin', username: 'bench', passphrase: 'bench passphrase 1' };

/** First run through the real setup screen: the administrator, then the signed-in desk. */
export async function createAdministrator(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Name', { exact: true }).fill(ADMIN.name);
  await page.getByLabel('Username', { exact: true }).fill(ADMIN.username);
  await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
  await page.getByLabel('Confirm passphrase', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await page.getByRole('button', { name: 'Lock' }).waitFor();
}

/** A bench branch with one zone, and these cameras in it, through the contract as the signed-in admin. */
export async function addCameras(
  page: Page,
  cameras: { name: string; kind: 'hls' | 'rtsp'; url: string }[],
): Promise<void> {
  await page.evaluate(async (list) => {
    const v = window.vigil!;
    const b = await v.call('branches.add', { name: 'Bench', code: 'BENCH', address: '', timeZone: 'America/Chicago' });
    if (!b.ok) throw new Error(b.error.message);
    const z = await v.call('zones.add', { branchId: b.value.id, name: 'Floor', kind: 'interior', floor: '1' });
    if (!z.ok) throw new Error(z.error.message);
    for (const c of list) {
      const r = await v.call('cameras.add', {
        ...c,
        branchId: b.value.id,
        zoneId: z.value.zones[0]!.id,
        gridUrl: null,
        username: null,
        password: null,
      });
      if (!r.ok) throw new Error(r.error.message);
    }
  }, cameras);
}
