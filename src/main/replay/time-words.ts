/**
 * A moment as the desk reads it in a message, to the second, in the branch's zone:
 * "19:42:07", or "Sat 28 Nov 19:42:07" when it is not the day of `today`.
 */
export function timeWords(timeZone: string, today: number): (ms: number) => string {
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
  const todayWords = day.format(today);
  return (ms) => {
    const d = day.format(ms);
    return d === todayWords ? clock.format(ms) : `${d} ${clock.format(ms)}`;
  };
}
