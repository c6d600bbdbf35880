/**
 * Renders the contract's role matrix into docs/roles.md: `npx tsx scripts/roles-doc.ts`.
 * A test (roles-doc.test.ts) fails when the file and the contract disagree, and
 * src/main/shell/roles.matrix.test.ts checks that main enforces every row.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contract, methodNames, type MethodName } from '../src/shared/contract';
import { ROLES, roleLabel, type Role } from '../src/shared/roles';
import type { Access, PatronUse } from '../src/shared/contract/define';

export const ROLES_DOC = fileURLToPath(new URL('../docs/roles.md', import.meta.url));

/** Who may call, in the doc's words. */
export function whoMay(access: Access): string {
  if (access === 'public') return 'anyone with the shell’s token (signed out too)';
  if (access === 'session') return 'any signed-in console, locked too';
  return (access as readonly Role[]).map((r) => roleLabel[r]).join(', ');
}

/** The "reads patron data" column. */
export function patronWords(spec: { patron: PatronUse }): string {
  return spec.patron === 'reads' ? 'yes' : spec.patron === 'exports' ? 'yes, exports' : '';
}

/** The "audited" column: what trace a call leaves (src/main/audit/audit.coverage.test.ts checks it). */
export function auditedWords(spec: { patron: PatronUse; writes: boolean }): string {
  const read = spec.patron !== 'none' ? 'read audited' : '';
  const write = spec.writes ? 'change journaled' : '';
  return [read, write].filter(Boolean).join('; ');
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderRolesDoc(): string {
  const byDomain = new Map<string, MethodName[]>();
  for (const name of [...methodNames].sort()) {
    const domain = name.split('.')[0]!;
    byDomain.set(domain, [...(byDomain.get(domain) ?? []), name]);
  }
  const tick = (access: Access, role: Role) =>
    access === 'public' || access === 'session' || (access as readonly Role[]).includes(role) ? '✓' : '';
  const lines = [
    '# Who may call what',
    '',
    'Generated from the contract (`src/shared/contract`) by `npx tsx scripts/roles-doc.ts`; do not edit by hand.',
    'Main enforces every row: `src/main/shell/roles.matrix.test.ts` calls every method as every role, signed out',
    'and locked, through the web shell. A locked console reaches only the methods marked “any signed-in console”.',
    '',
    '“Reads patron data”: the answer can carry patron-identifying data (persons, photos, ban reasons, incident',
    'narratives, snapshots, clips, call and shift-log entries that name people); “exports” puts it in a file,',
    'a print or an email. Such reads leave an audit entry (Wis. Stat. 43.30), and every change a journal entry',
    '(or an audit entry for sessions): `src/main/audit/audit.coverage.test.ts` calls each of them on a seeded desk',
    'and fails when the trace is missing, or when an answer not marked here could carry patron data.',
    '',
    `${methodNames.length} methods.`,
    '',
  ];
  for (const [domain, names] of byDomain) {
    lines.push(`## ${domain}`, '');
    lines.push(
      `| Method | What it does | ${ROLES.map((r) => roleLabel[r]).join(' | ')} | Who | Reads patron data | Audited |`,
    );
    lines.push(`| --- | --- | ${ROLES.map(() => ':-:').join(' | ')} | --- | --- | --- |`);
    for (const name of names) {
      const spec = contract[name];
      const summary = spec.testOnly ? `${spec.summary} (web shell with --test-clock only)` : spec.summary;
      lines.push(
        `| \`${name}\` | ${cell(summary)} | ${ROLES.map((r) => tick(spec.access, r)).join(' | ')} | ${whoMay(spec.access)} | ${patronWords(spec)} | ${auditedWords(spec)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(ROLES_DOC, renderRolesDoc());
  console.log(`wrote ${ROLES_DOC}`);
}
