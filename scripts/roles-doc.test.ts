import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRolesDoc, ROLES_DOC } from './roles-doc';

describe('docs/roles.md', () => {
  it('is the contract’s role matrix as it is now (run `npx tsx scripts/roles-doc.ts` after changing a method)', () => {
    expect(readFileSync(ROLES_DOC, 'utf8')).toBe(renderRolesDoc());
  });
});
