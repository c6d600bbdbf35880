/**
 * Renders the contract's role matrix into docs/roles.md: `npx tsx scripts/roles-doc.ts`.
 * A test (roles-doc.test.ts) fails when the file and the contract disagree, and
 * src/main/shell/roles.matrix.test.ts checks that main enforces every row.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contract, methodNames, type MethodName } from '../src/shared/contract';
import { ROLES, roleLabel, type Role } from '../src/shared/roles';
import type { Access } from '../src/shared/contract/define';

export const ROLES_DOC = fileURLToPath(new URL('../docs/roles.md', import.meta.url));

/** Who may call, in the doc's words. */
export function whoMay(access: Access): string {
  if (access === 'public') return 'anyone with the shell’s token (signed out too)';
  if (access === 'session') return 'any signed-in console, locked too';
  return (access as readonly Role[]).map((r) => roleLabel[r]).join(', ');
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
    `${methodNames.length} methods.`,
    '',
  ];
  for (const [domain, names] of byDomain) {
    lines.push(`## ${domain}`, '');
    lines.push(`| Method | What it does | ${ROLES.map((r) => roleLabel[r]).join(' | ')} | Who |`);
    lines.push(`| --- | --- | ${ROLES.map(() => ':-:').join(' | ')} | --- |`);
    for (const name of names) {
      const spec = contract[name];
      const summary = spec.testOnly ? `${spec.summary} (web shell with --test-clock only)` : spec.summary;
      lines.push(
        `| \`${name}\` | ${cell(summary)} | ${ROLES.map((r) => tick(spec.access, r)).join(' | ')} | ${whoMay(spec.access)} |`,
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
