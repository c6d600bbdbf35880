import { ESLint, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import owners from '../src/main/db/table-owners.json';
import { looksLikeSql, looksLikeStatement, mainFile, ownerOf, rules, tablesIn } from './eslint-plugin-vigil.js';

// RuleTester drives vitest's describe/it, so every case is its own test.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
});

const SQL_MESSAGE = (repo: string) =>
  `SQL belongs in a *.repo.ts file of this domain (or db/): move this query into ${repo} and call it from here.`;
const OWNER_MESSAGE = (who: string, table: string, owner: string) =>
  `\`${who}\` may not query \`${table}\`: it belongs to ${owner}/. Ask that domain through its service or a read ` +
  'port it exports (e.g. `branches.zoneOf(id)`, `journal.forRecord(id)`), see src/main/README.md.';

const SERVICE = 'src/main/incidents/incidents.service.ts';
const REPO = 'src/main/incidents/incidents.repo.ts';

describe('helpers', () => {
  it('places a file in src/main by its domain folder', () => {
    expect(mainFile('/x/src/main/branches/branches.repo.ts')).toEqual({
      rel: 'branches/branches.repo.ts',
      folder: 'branches',
      base: 'branches.repo.ts',
    });
    expect(mainFile('src/main/services.ts')).toEqual({ rel: 'services.ts', folder: null, base: 'services.ts' });
    expect(mainFile('C:\\vigil\\src\\main\\db\\migrations\\0010-foundation.ts')?.folder).toBe('db');
    expect(mainFile('/x/bench/desk.ts')).toBeNull();
  });

  it('tells statements from prose that starts with the same word', () => {
    expect(looksLikeStatement('SELECT id FROM zones')).toBe(true);
    expect(looksLikeStatement('  -- the newest first\n  select id from zones')).toBe(true);
    expect(looksLikeStatement('WITH recent AS (SELECT 1) SELECT * FROM recent')).toBe(true);
    expect(looksLikeStatement('UPDATE zones SET name = ?')).toBe(true);
    expect(looksLikeStatement('Update the camera first')).toBe(false);
    expect(looksLikeStatement('Delete this view?')).toBe(false);
    expect(looksLikeStatement('Create a wall view to keep this layout')).toBe(false);
    expect(looksLikeStatement('With the zones list open, choose one')).toBe(false);
    expect(looksLikeStatement('select id from zones', { capitals: true })).toBe(false);
    expect(looksLikeSql('CROSS JOIN staff s ON s.id = i.reporter_id')).toBe(true);
    expect(looksLikeSql('i.id, (SELECT g.code FROM guideline_versions g) AS code')).toBe(true);
    expect(looksLikeSql('From the zones list, choose one')).toBe(false);
  });

  it('finds tables after FROM, JOIN, INTO, UPDATE, TABLE and in FROM lists, not in SQL strings', () => {
    const names = (sql: string) => tablesIn(sql).map((t) => t.name);
    expect(names('SELECT * FROM incidents i, branches b, "staff" WHERE x IN (1, 2)')).toEqual([
      'incidents',
      'branches',
      'staff',
    ]);
    expect(names('SELECT a FROM zones ORDER BY a, b')).toEqual(['zones']);
    expect(names('SELECT * FROM [zones] z JOIN main.staff s ON s.id = z.by')).toEqual(['zones', 'staff']);
    expect(names('INSERT OR REPLACE INTO settings (k) VALUES (?) ON CONFLICT(k) DO UPDATE SET k = 1')).toEqual([
      'settings',
      'SET',
    ]);
    expect(names("SELECT * FROM cameras WHERE note = 'from zones' -- or from staff")).toEqual(['cameras']);
    expect(names('CREATE TABLE IF NOT EXISTS x (id)')).toEqual(['x']);
    expect(names('CREATE INDEX zones_by_branch ON zones(branch_id)')).toEqual(['zones']);
    const sql = 'SELECT 1 FROM  zones';
    expect(tablesIn(sql)[0]?.index).toBe(sql.indexOf('zones'));
  });

  it('resolves owners, FTS5 shadow tables with their table', () => {
    expect(ownerOf(owners, 'zones')).toBe('branches');
    expect(ownerOf(owners, 'ZONES')).toBe('branches');
    expect(ownerOf(owners, 'incident_fts_data')).toBe('incidents');
    expect(ownerOf(owners, 'recent')).toBeUndefined();
    expect(ownerOf(owners, 'constructor')).toBeUndefined();
  });
});

tester.run('vigil/sql-in-repos', rules['sql-in-repos'], {
  valid: [
    { filename: REPO, code: "db.prepare('SELECT * FROM incidents').all();" },
    { filename: 'src/main/db/connection.ts', code: "db.pragma('journal_mode = WAL'); db.exec('CREATE TABLE x (a)');" },
    { filename: 'src/main/db/migrations/0050-x.ts', code: "export const up = 'CREATE TABLE anything (id TEXT)';" },
    { filename: 'src/main/incidents/search.sql.ts', code: 'export const run = (sql: string) => db.prepare(sql);' },
    // Regular expressions run with .exec everywhere in src/main.
    { filename: SERVICE, code: 'const m = /^x/.exec(s);' },
    { filename: SERVICE, code: 'const m = regex.exec(line);' },
    { filename: SERVICE, code: 'const m = FEED_PATH.exec(new URL(url).pathname)?.[1];' },
    { filename: SERVICE, code: 'const m = new RegExp(`${name}="([^"]*)"`).exec(line);' },
    // …even when the text they search looks like SQL.
    { filename: SERVICE, code: "const m = /^SELECT (\\w+)/i.exec('select id from zones');" },
    { filename: SERVICE, code: "const KEYWORD = /^select/i;\nconst m = KEYWORD.exec('select id from zones');" },
    // A class's own prepare method (CamerasService.prepare(id, input, current)).
    { filename: SERVICE, code: 'class C { m() { return this.prepare(id, input, null); } }' },
    { filename: SERVICE, code: 'class C { m() { return this.prepare(input); } }' },
    // Messages that start like SQL but are sentences.
    { filename: SERVICE, code: "throw invalid('Choose a zone from the zones list', { zoneId: 'Select a zone' });" },
    { filename: SERVICE, code: "const a = 'Update the camera first'; const b = 'Delete this view?';" },
    { filename: SERVICE, code: "const c = 'Select a camera from the list.';" },
    // Not src/main: benches and test helpers set up their own tables.
    { filename: 'bench/desk.ts', code: "db.prepare('SELECT 1').get();" },
    { filename: 'test/helpers/services.ts', code: "db.exec('DELETE FROM zones');" },
  ],
  invalid: [
    {
      filename: SERVICE,
      code: "const row = this.db.prepare<[], { value: string }>('SELECT value FROM settings').get();",
      errors: [{ message: SQL_MESSAGE('incidents/incidents.repo.ts'), line: 1, column: 21 }],
    },
    {
      filename: 'src/main/incidents/incidents.validate.ts',
      code: 'const one = (sql: string) => db.prepare(sql).get();',
      errors: [{ message: SQL_MESSAGE('incidents/incidents.repo.ts') }],
    },
    {
      filename: SERVICE,
      code: "db.exec('CREATE TABLE x (id TEXT)'); db.exec(`delete from zones where id = ${id}`);",
      errors: 2,
    },
    {
      // The call runs it, and the statement itself sits outside a repo: both are named.
      filename: SERVICE,
      code: "const SQL = 'DELETE FROM zones'; db.exec(SQL);",
      errors: [
        { messageId: 'sql', column: 13 },
        { messageId: 'sql', column: 37 },
      ],
    },
    { filename: SERVICE, code: "db.pragma('user_version', { simple: true });", errors: 1 },
    {
      // Handed to a helper that prepares it: the query is still in a service.
      filename: 'src/main/reports/incident-pdf.service.ts',
      code: "const a = this.one<{ address: string }>('SELECT address FROM branches WHERE id = ?', id);",
      errors: [{ message: SQL_MESSAGE('reports/reports.repo.ts'), column: 41 }],
    },
    {
      filename: 'src/main/services.ts',
      code: 'db.prepare("INSERT INTO desk (key, value) VALUES (\'desk_id\', ?)").run(value);',
      errors: [
        { message: SQL_MESSAGE('the repo of the domain that owns its table (db/ for desk and journal)'), column: 4 },
      ],
    },
    {
      filename: SERVICE,
      code: 'const sql = `SELECT ${COLUMNS} FROM incidents i ${JOINS}`;',
      errors: 1,
    },
  ],
});

// The real map: the cases name real tables and owners.
const withOwners = <T extends object>(c: T) => ({ ...c, options: [{ owners }] });

tester.run('vigil/table-owner', rules['table-owner'], {
  valid: [
    { filename: 'src/main/branches/branches.repo.ts', code: "db.prepare('SELECT * FROM zones z JOIN branches b');" },
    { filename: 'src/main/db/journal.ts', code: "db.prepare('INSERT INTO journal (id) VALUES (?)'); q('FROM desk');" },
    {
      filename: 'src/main/db/migrations/0050-anything.ts',
      code:
        'export default { version: 50, up: `CREATE TABLE zones_archive (id TEXT) STRICT;\n' +
        'INSERT INTO zones_archive SELECT id FROM zones; ALTER TABLE incidents ADD COLUMN x; DROP TABLE staff;` };',
    },
    // Prose, even with a table's name after "from".
    { filename: SERVICE, code: "throw invalid('Choose a zone from the zones list');" },
    { filename: SERVICE, code: "const m = 'Remove it from staff first, then from branches.';" },
    { filename: SERVICE, code: 'log(`Choose a zone from zones ${where}`);' },
    // Words in SQL strings and comments are not table names.
    {
      filename: 'src/main/cameras/cameras.repo.ts',
      code: 'db.prepare("SELECT * FROM cameras WHERE note = \'from zones\' -- not from staff");',
    },
    // CTEs, aliases and table-valued functions belong to nobody.
    {
      filename: 'src/main/cameras/cameras.repo.ts',
      code: "db.prepare('WITH recent AS (SELECT id FROM cameras) SELECT * FROM recent r, json_each(?) j');",
    },
    {
      filename: 'src/main/settings/settings.repo.ts',
      code: "db.prepare('INSERT INTO settings (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v');",
    },
    { filename: 'src/main/incidents/incidents.search.ts', code: "const s = 'FROM incident_fts f WHERE x';" },
  ].map(withOwners),
  invalid: [
    {
      // A cross-domain JOIN in a repo: the repo is the right file, the table is not its domain's.
      filename: REPO,
      code: "db.prepare('SELECT i.id FROM incidents i JOIN zones z ON z.id = i.zone_id');",
      errors: [{ message: OWNER_MESSAGE('incidents', 'zones', 'branches'), line: 1, column: 47, endColumn: 52 }],
    },
    {
      filename: REPO,
      code: "db.prepare('SELECT * FROM incidents i, branches b, staff WHERE i.b = b.id');",
      errors: [
        { message: OWNER_MESSAGE('incidents', 'branches', 'branches') },
        { message: OWNER_MESSAGE('incidents', 'staff', 'staff') },
      ],
    },
    {
      filename: REPO,
      code: 'db.prepare(\'SELECT * FROM "zones" z JOIN [staff] s ON s.id = z.by\');',
      errors: [{ message: OWNER_MESSAGE('incidents', 'zones', 'branches') }, { messageId: 'foreign' }],
    },
    {
      // Fragments that queries are built from, and a subquery inside a column list.
      filename: 'src/main/incidents/incidents.search.ts',
      code:
        "const COLUMNS = `i.id, (SELECT group_concat(g.code, ' ') FROM guideline_versions g) AS codes`;\n" +
        'const JOINS = `CROSS JOIN branches b ON b.id = i.branch_id\n  LEFT JOIN zones z ON z.id = i.zone_id`;',
      errors: [
        { message: OWNER_MESSAGE('incidents', 'guideline_versions', 'guidelines'), line: 1 },
        { message: OWNER_MESSAGE('incidents', 'branches', 'branches'), line: 2, column: 27 },
        { message: OWNER_MESSAGE('incidents', 'zones', 'branches'), line: 3, column: 13 },
      ],
    },
    {
      filename: 'src/main/incidents/incidents.search.ts',
      code: 'const sql = `SELECT ${COLUMNS} FROM incidents i ${JOINS} JOIN persons p ON p.id = i.p`;',
      errors: [{ message: OWNER_MESSAGE('incidents', 'persons', 'people'), column: 63 }],
    },
    {
      // Lowercase SQL handed straight to the database.
      filename: SERVICE,
      code: "db.prepare('select name from zones where id = ?').get(id);",
      errors: [{ message: OWNER_MESSAGE('incidents', 'zones', 'branches') }],
    },
    {
      filename: 'src/main/cameras/cameras.repo.ts',
      code: "db.prepare('UPDATE zones SET camera_count = 0'); db.exec('DELETE FROM incident_fts_data');",
      errors: [
        { message: OWNER_MESSAGE('cameras', 'zones', 'branches') },
        { message: OWNER_MESSAGE('cameras', 'incident_fts_data', 'incidents') },
      ],
    },
    {
      // db/ owns desk and journal, nothing else.
      filename: 'src/main/db/journal.ts',
      code: "db.prepare('SELECT name FROM staff WHERE id = ?');",
      errors: [{ message: OWNER_MESSAGE('db', 'staff', 'staff') }],
    },
    {
      // The journal/ handlers folder is not db/: it asks the Journal.
      filename: 'src/main/journal/journal.handlers.ts',
      code: "db.prepare('SELECT kind FROM journal WHERE record_id = ?');",
      errors: [{ message: OWNER_MESSAGE('journal', 'journal', 'db') }],
    },
    {
      filename: 'src/main/services.ts',
      code: 'db.prepare("SELECT value FROM desk WHERE key = \'desk_id\'");',
      errors: [{ message: OWNER_MESSAGE('services.ts', 'desk', 'db') }],
    },
  ].map(withOwners),
});

tester.run('vigil/domain-imports', rules['domain-imports'], {
  valid: [
    { filename: SERVICE, code: "import { IncidentsRepo } from './incidents.repo';" },
    { filename: 'src/main/branches/index.ts', code: "export { BranchesRepo } from './branches.repo';" },
    { filename: SERVICE, code: "import { createBranches } from '../branches';" },
    { filename: SERVICE, code: "import type { BranchesService } from '../branches/branches.service';" },
    { filename: SERVICE, code: "import { contract } from '../../shared/contract';" },
    { filename: 'src/main/db/migrations/0050-x.ts', code: "import type { Db } from '../connection';" },
    // The composition root wires every domain together.
    { filename: 'src/main/services.ts', code: "import { BranchesRepo } from './branches/branches.repo';" },
    { filename: 'src/main/services.ts', code: "import { staffHandlers } from './staff/staff.handlers';" },
  ],
  invalid: [
    {
      filename: SERVICE,
      code: "import { BranchesRepo } from '../branches/branches.repo';",
      errors: [
        {
          message:
            "Do not reach into branches/'s repo: use the port or service that branches exports " +
            '(its index.ts factory returns them).',
        },
      ],
    },
    {
      filename: 'src/main/auth/auth.service.ts',
      code: "import type { StaffRepo } from '../staff/staff.repo';",
      errors: [{ messageId: 'reach' }],
    },
    {
      filename: 'src/main/snapshots/snapshots.handlers.ts',
      code: "export { mediaBaseFor } from '../cameras/cameras.handlers';",
      errors: [
        {
          message:
            "Do not reach into cameras/'s handlers: use the port or service that cameras exports " +
            '(its index.ts factory returns them).',
        },
      ],
    },
    {
      filename: 'src/main/demo/incidents.ts',
      code: "const { PersonsRepo } = await import('../people/persons.repo.js');",
      errors: 1,
    },
    {
      filename: 'src/main/db/migrations/0050-x.ts',
      code: "import { BranchesRepo } from '../../branches/branches.repo';",
      errors: 1,
    },
  ],
});

tester.run('vigil/electron-in-shell', rules['electron-in-shell'], {
  valid: [
    { filename: 'src/main/index.ts', code: "import { app } from 'electron';" },
    { filename: 'src/main/shell/electron.ts', code: "import { BrowserWindow, ipcMain } from 'electron';" },
    {
      filename: 'src/main/shell/window-options.ts',
      code: "import type { BrowserWindowConstructorOptions } from 'electron';",
    },
    { filename: 'src/main/web-entry.ts', code: "import { WebSocketServer } from 'ws';" },
  ],
  invalid: [
    {
      filename: 'src/main/services.ts',
      code: "import { app } from 'electron';",
      errors: [
        {
          message:
            'Only the Electron shell (shell/electron*.ts, index.ts) imports electron: services must run in the ' +
            'web shell and tests too.',
        },
      ],
    },
    { filename: 'src/main/cameras/media.ts', code: "import type { WebContents } from 'electron';", errors: 1 },
    { filename: 'src/main/cameras/media.ts', code: "const { net } = require('electron');", errors: 1 },
    { filename: 'src/main/cameras/media.ts', code: "const e = await import('electron/main');", errors: 1 },
    { filename: 'src/main/web-entry.ts', code: "type App = typeof import('electron').app;", errors: 1 },
  ],
});

// The rules above are only as good as their wiring: lint through the project's own config.
describe('eslint.config.js', () => {
  const eslint = new ESLint({ cwd: `${import.meta.dirname}/..` });
  const vigilRules = async (filePath: string, code: string) =>
    (await eslint.lintText(code, { filePath }))
      .flatMap((r) => r.messages)
      .map((m) => m.ruleId)
      .filter((id) => id?.startsWith('vigil/'));
  const code =
    "import { app } from 'electron';\nimport { BranchesRepo } from '../branches/branches.repo';\n" +
    "export const q = (db: { prepare(s: string): unknown }) => db.prepare('SELECT * FROM zones');\n" +
    'export const x = [app, BranchesRepo];\n';

  it('checks every non-test file of src/main', async () => {
    expect(await vigilRules('src/main/incidents/incidents.service.ts', code)).toEqual([
      'vigil/electron-in-shell',
      'vigil/domain-imports',
      'vigil/sql-in-repos',
      'vigil/table-owner',
    ]);
  });

  it('leaves tests, benches and test helpers alone', async () => {
    expect(await vigilRules('src/main/incidents/incidents.test.ts', code)).toEqual([]);
    expect(await vigilRules('bench/incidents.ts', code)).toEqual([]);
    expect(await vigilRules('test/helpers/incidents.ts', code)).toEqual([]);
  });
});
