import { z } from 'zod';
import defaultsJson from '../../../resources/closing/default-checklist.json';
import type { Branch } from '../../shared/contract/branches';
import { ITEM_KINDS, type TemplateItem } from '../../shared/contract/closing';
import { uuidv7 } from '../ids';

const Area = z.object({
  area: z.string(),
  match: z.array(z.string()),
  items: z.array(
    z.object({
      label: z.string(),
      kind: z.enum(ITEM_KINDS),
      okAnswer: z.enum(['yes', 'no']).default('yes'),
      expectedCount: z.number().int().default(0),
      noteOnFail: z.boolean().default(true),
    }),
  ),
});

/** The library's default checklist (resources/closing/default-checklist.json). */
export const defaultAreas = z.object({ areas: z.array(Area) }).parse(defaultsJson).areas;

/**
 * The default checklist for one branch: each area's items under every active zone
 * whose name holds one of the area's words, in the order of the file. An area whose
 * words match no zone stays, for the whole building, its name leading each item, so
 * nothing of the default is silently lost; the administrator adapts it from there.
 */
export function defaultTemplateFor(branch: Branch): TemplateItem[] {
  const zones = branch.zones.filter((z) => !z.retired);
  const items: TemplateItem[] = [];
  for (const area of defaultAreas) {
    const matched = zones.filter((z) => area.match.some((word) => z.name.toLowerCase().includes(word.toLowerCase())));
    const places =
      matched.length > 0
        ? matched.map((z) => ({ zoneId: z.id, prefix: '' }))
        : [{ zoneId: null, prefix: area.match.length ? `${area.area}: ` : '' }];
    for (const place of places) {
      for (const item of area.items) {
        const label = place.prefix
          ? `${place.prefix}${item.label[0]!.toLowerCase()}${item.label.slice(1)}`
          : item.label;
        items.push({ id: uuidv7(), zoneId: place.zoneId, ...item, label });
      }
    }
  }
  return items;
}
