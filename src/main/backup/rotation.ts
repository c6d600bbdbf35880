/** How many backups to keep: the newest of each of the last N days, weeks and months that have one. */
export interface Rotation {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: Rotation = { daily: 7, weekly: 4, monthly: 12 };

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const monthOf = (at: Date) => at.toISOString().slice(0, 7);
/** ISO week (Monday first), as "2026-W49". */
function weekOf(at: Date): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Which backups to keep (restic's keep-daily/weekly/monthly, in UTC): for each of
 * the last `daily` days that have a backup, its newest; the same for weeks and
 * months. The newest backup of all is always kept.
 */
export function chooseKept(sets: readonly { name: string; createdAt: Date }[], rotation: Rotation): Set<string> {
  const newestFirst = [...sets].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const kept = new Set<string>();
  if (newestFirst[0]) kept.add(newestFirst[0].name);
  for (const [limit, bucket] of [
    [rotation.daily, dayOf],
    [rotation.weekly, weekOf],
    [rotation.monthly, monthOf],
  ] as const) {
    const seen = new Set<string>();
    for (const s of newestFirst) {
      if (seen.size >= limit) break;
      const key = bucket(s.createdAt);
      if (seen.has(key)) continue;
      seen.add(key);
      kept.add(s.name);
    }
  }
  return kept;
}
