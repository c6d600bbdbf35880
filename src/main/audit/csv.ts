/**
 * One CSV cell. A cell that a spreadsheet would run as a formula (=, +, -, @, a tab or a
 * carriage return first) gets a leading apostrophe: a recipient typed as "=HYPERLINK(…)"
 * stays text when the director opens the file.
 */
export function csvCell(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text with CRLF line ends (what spreadsheets expect). */
export const csvText = (rows: readonly (readonly (string | number | null)[])[]): string =>
  `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
