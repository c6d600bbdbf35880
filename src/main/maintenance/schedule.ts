/** The daily backup time today, in the desk machine's local time. */
export function slotOn(day: Date, dailyAt: string): Date {
  const [h, m] = dailyAt.split(':').map(Number) as [number, number];
  const slot = new Date(day);
  slot.setHours(h, m, 0, 0);
  return slot;
}

/** After a failure the schedule tries again this much later (the folder may be back). */
export const RETRY_MS = 60 * 60_000;

/**
 * When the next scheduled backup runs: today's slot if it has passed with no good
 * backup since (or a retry an hour after a failure), otherwise tomorrow's.
 */
export function nextBackupAt(o: {
  now: Date;
  dailyAt: string;
  lastGoodAt: Date | null;
  lastFailedAt: Date | null;
}): Date {
  const today = slotOn(o.now, o.dailyAt);
  const doneToday = o.lastGoodAt !== null && o.lastGoodAt >= today;
  if (o.now < today || doneToday) {
    if (o.now < today) return today;
    const tomorrow = new Date(today);
    tomorrow.setDate(tomorrow.getDate() + 1);
    return slotOn(tomorrow, o.dailyAt);
  }
  if (o.lastFailedAt !== null && o.lastFailedAt >= today) return new Date(o.lastFailedAt.getTime() + RETRY_MS);
  return today;
}
