// @ts-check
// Vigil's own lint rules: the walls between the domains of src/main (src/main/README.md,
// "Walls (checked by lint)"). Each message names the door to use instead, because the
// person who meets it is usually in the middle of something else.
//
// The rules are syntactic (no type information): they run in plain `eslint` without a
// TypeScript program, in a few milliseconds per file. Where syntax cannot tell SQL from
// something else (`regex.exec(line)`), they stay quiet rather than guess.

import { posix } from 'node:path';

/** @typedef {import('eslint').Rule.RuleModule} RuleModule */
/** @typedef {import('eslint').Rule.RuleContext} RuleContext */
/** @typedef {import('estree').Node} Node */
/** @typedef {import('estree').CallExpression} CallExpression */
/** @typedef {import('estree').Expression | import('estree').SpreadElement} Argument */
/** @typedef {{ rel: string, folder: string | null, base: string }} MainFile */

// ---------------------------------------------------------------------------
// Where a file sits in src/main

/**
 * The file's path inside src/main, its domain folder (null for the root files:
 * services.ts, index.ts, web-entry.ts, cli.ts) and its name; null outside src/main.
 * @param {string} filename
 * @returns {MainFile | null}
 */
export function mainFile(filename) {
  const path = filename.replaceAll('\\', '/');
  const at = path.lastIndexOf('/src/main/');
  const rel =
    at >= 0
      ? path.slice(at + '/src/main/'.length)
      : path.startsWith('src/main/')
        ? path.slice('src/main/'.length)
        : null;
  if (rel === null) return null;
  const parts = rel.split('/');
  return { rel, folder: parts.length > 1 ? (parts[0] ?? null) : null, base: parts[parts.length - 1] ?? rel };
}

/** Files allowed to hold SQL: a domain's repos, anything in db/, and files named for SQL. */
const mayHoldSql = (/** @type {MainFile} */ f) =>
  f.folder === 'db' || f.base.endsWith('.repo.ts') || f.base.endsWith('.sql.ts');

/** Where a query found in this file should go, for the message. */
const repoFor = (/** @type {MainFile} */ f) =>
  f.folder
    ? `${f.folder}/${f.folder}.repo.ts`
    : 'the repo of the domain that owns its table (db/ for desk and journal)';

// ---------------------------------------------------------------------------
// Telling SQL from prose

const STATEMENT = /^(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|WITH|PRAGMA|REPLACE)\b/i;

// A keyword alone is not enough ("Update the camera first", "Delete this view?"): each
// statement must also have its SQL shape.
/** @type {Record<string, RegExp>} */
const SHAPE = {
  SELECT: /^SELECT\s+\S/i,
  INSERT: /^INSERT\s+(?:OR\s+\w+\s+)?INTO\s/i,
  REPLACE: /^REPLACE\s+INTO\s/i,
  UPDATE: /^UPDATE\s+(?:OR\s+\w+\s+)?[\w."`[\]]+\s+SET\s/i,
  DELETE: /^DELETE\s+FROM\s/i,
  CREATE: /^CREATE\s+(?:(?:TEMP|TEMPORARY|UNIQUE|VIRTUAL)\s+)*(?:TABLE|INDEX|VIEW|TRIGGER)\s/i,
  DROP: /^DROP\s+(?:TABLE|INDEX|VIEW|TRIGGER)\s/i,
  ALTER: /^ALTER\s+TABLE\s/i,
  WITH: /^WITH\s+(?:RECURSIVE\s+)?[\w"]+\s*(?:\([^)]*\)\s*)?AS\s*(?:NOT\s+)?(?:MATERIALIZED\s*)?\(/i,
  PRAGMA: /^PRAGMA\s+[\w.]+/i,
};

// Pieces that queries are assembled from (`const JOINS = 'CROSS JOIN staff s ON …'`). Only in
// capitals, the way this code writes SQL: prose starts "From …", "Where …", "And …".
const FRAGMENT =
  /^(?:FROM|(?:(?:NATURAL\s+)?(?:LEFT|RIGHT|FULL|INNER|CROSS)\s+(?:OUTER\s+)?)?JOIN|WHERE|AND|OR|ORDER\s+BY|GROUP\s+BY|HAVING|(?:NOT\s+)?EXISTS|VALUES|SET|ON\s+CONFLICT|UNION|LIMIT)\s/;
const SUBQUERY = /\(\s*SELECT\s[\s\S]*?\bFROM\s/i;

/**
 * Blanks SQL comments and single-quoted SQL strings, keeping every other character where
 * it was (so an index in the result is an index in the source): `WHERE note = 'from zones'`
 * names no table.
 * @param {string} text
 */
export function stripSql(text) {
  return text.replace(/'(?:[^']|'')*'|--[^\n]*|\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
}

/** The text with leading blanks and opening parentheses skipped, as SQL would read it. */
const head = (/** @type {string} */ text) => stripSql(text).replace(/^[\s(]+/, '');

/**
 * A complete statement: a statement keyword with its shape. `capitals` also requires the
 * keyword in capitals, for strings that are not handed straight to the database.
 * @param {string} text
 * @param {{ capitals?: boolean }} [options]
 */
export function looksLikeStatement(text, options = {}) {
  const h = head(text);
  const m = STATEMENT.exec(h);
  if (!m || !m[1]) return false;
  if (options.capitals && m[1] !== m[1].toUpperCase()) return false;
  return SHAPE[m[1].toUpperCase()]?.test(h) ?? false;
}

/**
 * Anything worth reading for table names: a statement, a clause fragment in capitals, or
 * text holding a parenthesized subquery.
 * @param {string} text
 */
export function looksLikeSql(text) {
  return looksLikeStatement(text) || FRAGMENT.test(head(text)) || SUBQUERY.test(stripSql(text));
}

// ---------------------------------------------------------------------------
// Table names in SQL

const NAME = String.raw`(?:(?:main|temp)\s*\.\s*)?(?:"([^"]+)"|\x60([^\x60]+)\x60|\[([^\]]+)\]|([A-Za-z_]\w*))`;
const AFTER_KEYWORD = new RegExp(
  String.raw`\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+|OR\s+(?:ROLLBACK|ABORT|REPLACE|FAIL|IGNORE)\s+)?` +
    NAME,
  'gi',
);
// CREATE INDEX … ON t(…) and CREATE TRIGGER … AFTER INSERT ON t.
const INDEX_ON = new RegExp(String.raw`\bINDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?${NAME}\s+ON\s+` + NAME, 'gi');
const TRIGGER_ON = new RegExp(String.raw`\b(?:INSERT|DELETE|UPDATE(?:\s+OF\s+[\w\s,"]+?)?)\s+ON\s+` + NAME, 'gi');
// `FROM a x, b AS y`: the alias, then the next name in the list.
const ALIAS = /\s+(?:AS\s+)?([A-Za-z_]\w*)/iy;
const COMMA_NAME = new RegExp(String.raw`\s*,\s*` + NAME, 'y');
const NOT_ALIAS = new Set(
  (
    'WHERE JOIN LEFT RIGHT FULL INNER CROSS OUTER NATURAL ON USING ORDER GROUP HAVING LIMIT OFFSET WINDOW ' +
    'UNION EXCEPT INTERSECT INDEXED NOT RETURNING SET VALUES DEFAULT SELECT MATCH AND OR'
  ).split(' '),
);

/**
 * The index and name of the last capture group that matched (the name's spelling, with
 * any quotes taken off).
 * @param {RegExpExecArray} m
 * @returns {{ name: string, index: number } | null}
 */
function lastName(m) {
  for (let g = m.length - 1; g >= 1; g--) {
    const name = m[g];
    if (name === undefined) continue;
    // The name sits at the end of the match (a closing quote may follow it).
    const end = m.index + m[0].length;
    const index = m[0].endsWith(name) ? end - name.length : end - name.length - 1;
    return { name, index };
  }
  return null;
}

/**
 * Every table the SQL names, with its index in the text: after FROM (and the rest of a
 * `FROM a, b` list), JOIN, INTO, UPDATE, TABLE, and the ON of an index or trigger.
 * @param {string} text
 * @returns {{ name: string, index: number }[]}
 */
export function tablesIn(text) {
  const sql = stripSql(text);
  /** @type {{ name: string, index: number }[]} */
  const found = [];
  for (const m of sql.matchAll(AFTER_KEYWORD)) {
    const first = lastName(m);
    if (!first) continue;
    found.push(first);
    if (m[1]?.toUpperCase() !== 'FROM') continue;
    let at = (m.index ?? 0) + m[0].length;
    for (;;) {
      ALIAS.lastIndex = at;
      const alias = ALIAS.exec(sql);
      if (alias?.[1] && !NOT_ALIAS.has(alias[1].toUpperCase())) at = ALIAS.lastIndex;
      COMMA_NAME.lastIndex = at;
      const next = COMMA_NAME.exec(sql);
      const named = next && lastName(next);
      if (!next || !named) break;
      found.push(named);
      at = COMMA_NAME.lastIndex;
    }
  }
  for (const re of [INDEX_ON, TRIGGER_ON]) {
    for (const m of sql.matchAll(re)) {
      const named = lastName(m);
      if (named) found.push(named);
    }
  }
  return found;
}

/**
 * The folder that owns a table; an FTS5 table's shadow tables (`incident_fts_data`, …)
 * belong with it. Undefined for names that are not tables (aliases, CTEs, functions).
 * @param {Record<string, string>} owners
 * @param {string} table
 */
export function ownerOf(owners, table) {
  const name = table.toLowerCase();
  if (Object.hasOwn(owners, name)) return owners[name];
  const shadow = /^(\w+)_(?:data|idx|content|docsize|config)$/.exec(name);
  return shadow?.[1] && Object.hasOwn(owners, shadow[1]) ? owners[shadow[1]] : undefined;
}

// ---------------------------------------------------------------------------
// Reading literals

/**
 * A string or template literal's source text with its quotes blanked, `${…}` replaced by
 * `?` and `\n`, `\t`, `\r` escapes by spaces, each at its own offset: index i of the
 * text is source offset start + i. Null for anything else.
 * @param {RuleContext} context
 * @param {Node} node
 * @returns {{ text: string, start: number } | null}
 */
function literalText(context, node) {
  const range = node.range;
  if (!range) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') {
    const raw = context.sourceCode.getText(node);
    return { text: ` ${blankEscapes(raw.slice(1, -1))} `, start: range[0] };
  }
  if (node.type !== 'TemplateLiteral') return null;
  const chars = [...context.sourceCode.getText(node)];
  chars[0] = ' ';
  chars[chars.length - 1] = ' ';
  for (const e of node.expressions) {
    if (!e.range) continue;
    const text = chars.join('');
    const open = text.lastIndexOf('${', e.range[0] - range[0]);
    const close = text.indexOf('}', e.range[1] - range[0]);
    for (let i = open; i >= 0 && i <= close; i++) chars[i] = '?';
  }
  return { text: blankEscapes(chars.join('')), start: range[0] };
}

/** Whitespace escapes become blanks of the same length, so `a\nFROM t` still reads FROM. */
const blankEscapes = (/** @type {string} */ raw) => raw.replace(/\\[ntr]/g, '  ');

/**
 * The method name of `x.name(…)` or `x['name'](…)`.
 * @param {CallExpression} call
 */
function methodName(call) {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression') return null;
  if (!callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  if (callee.property.type === 'Literal' && typeof callee.property.value === 'string') return callee.property.value;
  return null;
}

/**
 * The initializer of the `const` an identifier is bound to, looked up through the scopes.
 * @param {RuleContext} context
 * @param {import('estree').Identifier} id
 * @returns {Node | null}
 */
function constValue(context, id) {
  for (let scope = /** @type {import('eslint').Scope.Scope | null} */ (context.sourceCode.getScope(id)); scope;) {
    const variable = scope.set.get(id.name);
    if (variable) {
      const def = variable.defs[0];
      return def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init ? def.node.init : null;
    }
    scope = scope.upper;
  }
  return null;
}

/**
 * The text of an argument that is SQL handed to the database: a literal, or a `const`
 * bound to one in scope.
 * @param {RuleContext} context
 * @param {Argument | undefined} arg
 * @returns {string | null}
 */
function argumentText(context, arg) {
  if (!arg) return null;
  const value = arg.type === 'Identifier' ? constValue(context, arg) : arg;
  return value ? (literalText(context, value)?.text ?? null) : null;
}

/** `/x/`, `new RegExp(p)` or `RegExp(p)`. */
const isRegExp = (/** @type {Node | null} */ node) =>
  !!node &&
  ((node.type === 'Literal' && 'regex' in node) ||
    ((node.type === 'NewExpression' || node.type === 'CallExpression') &&
      node.callee.type === 'Identifier' &&
      node.callee.name === 'RegExp'));

/**
 * Is the call's receiver a regular expression: `/x/.exec(s)`, `new RegExp(p).exec(s)`, or
 * a `const` bound to one (`FEED_PATH.exec(path)`)?
 * @param {RuleContext} context
 * @param {CallExpression} call
 */
function onRegExp(context, call) {
  if (call.callee.type !== 'MemberExpression') return false;
  const object = call.callee.object;
  return isRegExp(object.type === 'Identifier' ? constValue(context, object) : /** @type {Node} */ (object));
}

const onThis = (/** @type {CallExpression} */ call) =>
  call.callee.type === 'MemberExpression' && call.callee.object.type === 'ThisExpression';

/**
 * Does this call run SQL through better-sqlite3? `.prepare(sql)` (one argument, as
 * better-sqlite3 takes it) and `.pragma(…)` on anything but `this` (a class's own
 * `prepare(id, input)` is not SQL); `.exec(…)` only when its argument is a SQL statement,
 * since `regex.exec(line)` is everywhere and syntax cannot tell the receivers apart.
 * @param {RuleContext} context
 * @param {CallExpression} call
 */
function runsSql(context, call) {
  const name = methodName(call);
  if (name !== 'prepare' && name !== 'exec' && name !== 'pragma') return false;
  if (onRegExp(context, call)) return false;
  const text = argumentText(context, call.arguments[0]);
  if (text !== null && looksLikeStatement(text)) return true;
  if (name === 'prepare') return call.arguments.length === 1 && !onThis(call);
  if (name === 'pragma') return call.arguments.length >= 1 && !onThis(call);
  return false;
}

/**
 * Is the node the SQL argument of a call that runs it (reported at the call instead)?
 * @param {RuleContext} context
 * @param {Node} node
 */
function isSqlArgument(context, node) {
  const parent = /** @type {Node & { parent?: Node }} */ (node).parent;
  if (parent?.type !== 'CallExpression' || parent.arguments[0] !== node || onRegExp(context, parent)) return false;
  const name = methodName(parent);
  return name === 'prepare' || name === 'exec' || name === 'pragma';
}

// ---------------------------------------------------------------------------
// Rule 1: SQL only in repos

/** @type {RuleModule} */
const sqlInRepos = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL runs only in *.repo.ts, *.sql.ts and db/ files of src/main.' },
    schema: [],
    messages: {
      sql: 'SQL belongs in a *.repo.ts file of this domain (or db/): move this query into {{repo}} and call it from here.',
    },
  },
  create(context) {
    const file = mainFile(context.filename);
    if (!file || mayHoldSql(file)) return {};
    const data = { repo: repoFor(file) };
    /** @param {Node} node */
    const literal = (node) => {
      if (isSqlArgument(context, node)) return;
      const found = literalText(context, node);
      // Not handed to the database here, so only a statement in capitals with its shape:
      // an English sentence may start "Select" or "Update".
      if (found && looksLikeStatement(found.text, { capitals: true })) context.report({ node, messageId: 'sql', data });
    };
    return {
      CallExpression(call) {
        if (!runsSql(context, call) || call.callee.type !== 'MemberExpression' || !call.loc) return;
        const from = call.callee.property.loc?.start ?? call.loc.start;
        context.report({ loc: { start: from, end: call.loc.end }, messageId: 'sql', data });
      },
      Literal: literal,
      TemplateLiteral: literal,
    };
  },
};

// ---------------------------------------------------------------------------
// Rule 2: one owner per table

/** @type {RuleModule} */
const tableOwner = {
  meta: {
    type: 'problem',
    docs: { description: 'A table is queried only by the src/main folder that owns it (db/table-owners.json).' },
    schema: [
      {
        type: 'object',
        properties: { owners: { type: 'object', additionalProperties: { type: 'string' } } },
        required: ['owners'],
        additionalProperties: false,
      },
    ],
    messages: {
      foreign:
        '`{{who}}` may not query `{{table}}`: it belongs to {{owner}}/. Ask that domain through its service or a ' +
        'read port it exports (e.g. `branches.zoneOf(id)`, `journal.forRecord(id)`), see src/main/README.md.',
    },
  },
  create(context) {
    const file = mainFile(context.filename);
    // Migrations create and reshape every table: that is their job.
    if (!file || file.rel.startsWith('db/migrations/')) return {};
    const options = /** @type {{ owners: Record<string, string> }} */ (context.options[0]);
    const who = file.folder ?? file.rel;
    /** @param {Node} node */
    const literal = (node) => {
      const found = literalText(context, node);
      if (!found || !(isSqlArgument(context, node) || looksLikeSql(found.text))) return;
      const seen = new Set();
      for (const { name, index } of tablesIn(found.text)) {
        const owner = ownerOf(options.owners, name);
        if (owner === undefined || owner === file.folder || seen.has(name.toLowerCase())) continue;
        seen.add(name.toLowerCase());
        const start = context.sourceCode.getLocFromIndex(found.start + index);
        const end = context.sourceCode.getLocFromIndex(found.start + index + name.length);
        context.report({ loc: { start, end }, messageId: 'foreign', data: { who, table: name, owner } });
      }
    };
    return { Literal: literal, TemplateLiteral: literal };
  },
};

// ---------------------------------------------------------------------------
// Import sources (rules 3 and 4)

/**
 * Visitors calling back with every module a file loads: import and export-from
 * declarations (type-only too), `import('…')`, `require('…')`, `import x = require('…')`
 * and `typeof import('…')` types.
 * @param {(source: string, node: Node) => void} check
 * @returns {import('eslint').Rule.RuleListener}
 */
function eachImport(check) {
  /**
   * @param {unknown} source
   * @param {Node} node
   */
  const literal = (source, node) => {
    const s = /** @type {{ type?: string, value?: unknown } | null | undefined} */ (source);
    if (s?.type === 'Literal' && typeof s.value === 'string') check(s.value, node);
  };
  /** @type {Record<string, (node: any) => void>} */
  const visitors = {
    ImportDeclaration: (node) => literal(node.source, node),
    ExportNamedDeclaration: (node) => literal(node.source, node),
    ExportAllDeclaration: (node) => literal(node.source, node),
    ImportExpression: (node) => literal(node.source, node),
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require') literal(node.arguments[0], node);
    },
    TSExternalModuleReference: (node) => literal(node.expression, node),
    TSImportType: (node) => literal(node.argument?.literal ?? node.argument, node),
  };
  return visitors;
}

// ---------------------------------------------------------------------------
// Rule 3: no reaching into another domain's repo or handlers

/** @type {RuleModule} */
const domainImports = {
  meta: {
    type: 'problem',
    docs: { description: "A src/main domain does not import another domain's *.repo or *.handlers module." },
    schema: [],
    messages: {
      reach:
        "Do not reach into {{other}}/'s {{kind}}: use the port or service that {{other}} exports " +
        '(its index.ts factory returns them).',
    },
  },
  create(context) {
    const file = mainFile(context.filename);
    // Root files (services.ts, the composition root; the entry points) wire the domains together.
    if (!file || !file.folder) return {};
    const here = posix.dirname(file.rel);
    return eachImport((source, node) => {
      if (!source.startsWith('.')) return;
      const target = posix.normalize(posix.join(here, source));
      if (target.startsWith('../')) return; // outside src/main (src/shared)
      const parts = target.split('/');
      const other = parts[0];
      if (parts.length < 2 || !other || other === file.folder) return;
      const kind = /\.(repo|handlers)(?:\.[cm]?[jt]sx?)?$/.exec(parts[parts.length - 1] ?? '')?.[1];
      if (kind) context.report({ node, messageId: 'reach', data: { other, kind } });
    });
  },
};

// ---------------------------------------------------------------------------
// Rule 4: Electron only in the Electron shell

/** @type {RuleModule} */
const electronInShell = {
  meta: {
    type: 'problem',
    docs: { description: 'Only src/main/shell/ and src/main/index.ts import electron.' },
    schema: [],
    messages: {
      electron:
        'Only the Electron shell (shell/electron*.ts, index.ts) imports electron: services must run in the web ' +
        'shell and tests too.',
    },
  },
  create(context) {
    const file = mainFile(context.filename);
    if (!file || file.folder === 'shell' || file.rel === 'index.ts') return {};
    return eachImport((source, node) => {
      if (source === 'electron' || source.startsWith('electron/')) context.report({ node, messageId: 'electron' });
    });
  },
};

export const rules = {
  'sql-in-repos': sqlInRepos,
  'table-owner': tableOwner,
  'domain-imports': domainImports,
  'electron-in-shell': electronInShell,
};

/** @type {import('eslint').ESLint.Plugin} */
const plugin = { meta: { name: 'eslint-plugin-vigil', version: '1.0.0' }, rules };

export default plugin;
