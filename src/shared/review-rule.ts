/** The parts of a filed report that decide who may review it (IncidentRecord has them all). */
export interface ReviewedReport {
  reporter: { id: string };
  amendments: readonly { version: number; by: { id: string } }[];
  reviews: readonly { decision: 'approved' | 'returned' | 'closed'; version: number }[];
}

export type ReviewStep = 'review' | 'close';

/**
 * Separation of duties: a report is approved, returned or closed by someone who
 * neither reported it nor wrote an amendment under review, that is one made since
 * the last approval or return. Returns the sentence the screen shows to someone
 * who may not, and main refuses with; null when they may. One rule for both sides.
 */
export function reviewBar(report: ReviewedReport, staffId: string, step: ReviewStep): string | null {
  const other = step === 'close' ? 'another supervisor closes it' : 'another supervisor reviews it';
  if (report.reporter.id === staffId) return `You filed this report: ${other}.`;
  const decided = report.reviews.filter((r) => r.decision !== 'closed').map((r) => r.version);
  const since = decided.length > 0 ? Math.max(...decided) : 1;
  const mine = report.amendments.filter((a) => a.version > since && a.by.id === staffId).map((a) => a.version);
  if (mine.length === 0) return null;
  const versions = mine.length === 1 ? `version ${mine[0]}` : `versions ${mine.join(', ')}`;
  return `You amended this report since its last review (${versions}): ${other}.`;
}
