/**
 * The manifest of an evidence export: what each file is and its SHA-256, the
 * report's journal hash, who exported it and why, and SHA256SUMS in the format
 * `sha256sum -c SHA256SUMS` reads, so a third party checks the files with a tool
 * every system has, without Vigil.
 */

export interface ManifestFile {
  name: string;
  sha256: string;
  bytes: number;
  /** What it is, in words. */
  what: string;
  kind: 'report' | 'clip' | 'snapshot' | 'photo';
  camera: string | null;
  /** ISO times: a clip's range, a snapshot's frame time. */
  from: string | null;
  to: string | null;
  durationMs: number | null;
}

export interface Manifest {
  report: {
    id: string;
    number: string;
    version: number;
    /** The latest journal entry of the report: its hash seals the state exported. */
    journalHash: string | null;
    journalKind: string | null;
    journalAt: string | null;
  };
  exportedAt: string;
  exportedBy: string;
  purpose: string;
  /** The Disclose step: to whom, under which basis of Wis. Stat. 43.30, and the case number. */
  disclosure?: { recipient: string; basis: string; caseNumber: string };
  files: ManifestFile[];
  /** Attachments not exported, and why. */
  problems: string[];
}

/** A file name safe for every file system and for SHA256SUMS: letters, digits, dot, dash, underscore. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return cleaned.slice(0, 120) || 'file';
}

/**
 * SHA256SUMS in GNU coreutils' text format: the hash, two spaces, the name. Names are
 * checked to hold no newline or backslash, which that format would have to escape.
 */
export function sha256Sums(files: readonly { name: string; sha256: string }[]): string {
  return files
    .map((f) => {
      if (/[\n\r\\]/.test(f.name) || !/^[0-9a-f]{64}$/.test(f.sha256)) throw new Error(`Cannot list ${f.name}`);
      return `${f.sha256}  ${f.name}\n`;
    })
    .join('');
}

export function manifestJson(m: Manifest): string {
  return `${JSON.stringify({ format: 'vigil-evidence/1', ...m }, null, 2)}\n`;
}

/** The same manifest for a person: what was exported, and how to check it. */
export function manifestText(m: Manifest, when: (iso: string) => string): string {
  const lines = [
    `Evidence export: incident report ${m.report.number} (version ${m.report.version})`,
    '',
    `Exported ${when(m.exportedAt)} by ${m.exportedBy}.`,
    `Purpose: ${m.purpose}`,
    ...(m.disclosure
      ? [
          `Given to: ${m.disclosure.recipient}`,
          `Under: ${m.disclosure.basis}`,
          ...(m.disclosure.caseNumber ? [`Case number: ${m.disclosure.caseNumber}`] : []),
        ]
      : []),
    '',
    'Report journal entry (seals the report as exported):',
    `  ${m.report.journalKind ?? 'none'}${m.report.journalAt ? `, ${when(m.report.journalAt)}` : ''}`,
    `  SHA-256 ${m.report.journalHash ?? 'none'}`,
    '',
    'Files:',
  ];
  for (const f of m.files) {
    lines.push(`  ${f.name}`);
    lines.push(`    ${f.what}`);
    if (f.camera) lines.push(`    Camera: ${f.camera}`);
    if (f.from && f.to) lines.push(`    From ${when(f.from)} to ${when(f.to)}`);
    else if (f.from) lines.push(`    At ${when(f.from)}`);
    if (f.durationMs !== null) lines.push(`    Duration: ${(f.durationMs / 1000).toFixed(1)} s`);
    lines.push(`    ${f.bytes.toLocaleString('en-US')} bytes, SHA-256 ${f.sha256}`);
  }
  if (m.problems.length) {
    lines.push('', 'Not exported:');
    for (const p of m.problems) lines.push(`  ${p}`);
  }
  lines.push(
    '',
    'To check every file, in this folder run:',
    '  sha256sum -c SHA256SUMS',
    'Each line must end in "OK". (On Windows: Get-FileHash -Algorithm SHA256 <file>, and compare with the list.)',
    '',
    'Confidential library record — Wis. Stat. § 43.30.',
    '',
  );
  return lines.join('\n');
}
