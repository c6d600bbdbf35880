import { z } from 'zod';
import seedJson from '../../../resources/demo/seed.json';
import { ROLES } from '../../shared/roles';
import { ZONE_KINDS } from '../../shared/contract/branches';
import type { BranchesService } from '../branches/branches.service';
import type { StaffService } from '../staff/staff.service';

const Seed = z.object({
  branches: z.array(
    z.object({
      name: z.string(),
      code: z.string(),
      address: z.string(),
      timeZone: z.string(),
      zones: z.array(z.object({ name: z.string(), kind: z.enum(ZONE_KINDS), floor: z.string() })),
    }),
  ),
  staff: z.array(z.object({ name: z.string(), username: z.string(), role: z.enum(ROLES), passphrase: z.string() })),
});

export const demoSeed = Seed.parse(seedJson);

/** The sign-ins shown on a training desk's sign-in screen. */
export const demoAccounts = demoSeed.staff.map(({ username, passphrase, role }) => ({ username, passphrase, role }));

/** Seeds an empty training database: three branches with zones and the demo staff. */
export async function seedDemo(staff: StaffService, branches: BranchesService): Promise<boolean> {
  if (staff.list().length > 0) return false;
  for (const s of demoSeed.staff) await staff.add(s, null);
  for (const { zones, ...b } of demoSeed.branches) {
    const branch = branches.add(b, null);
    for (const z of zones) branches.addZone(branch.id, z, null);
  }
  return true;
}
