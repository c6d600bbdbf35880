// Runs Electronegativity over src/ and fails on any HIGH or MEDIUM finding.
// The tool itself always exits 0, so this script is the gate (npm run lint:security).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The package's own programmatic entry: the findings come back as data, with their
// severity (the CLI's CSV writer appends rows concurrently with the header and can lose them).
const electronegativity = require('@doyensec/electronegativity');
const cspEvaluator = createRequire(require.resolve('@doyensec/electronegativity'))('@doyensec/csp-evaluator');

const FAILING = new Set(['HIGH', 'MEDIUM']);

// Checks not run at all.
const EXCLUDED_CHECKS = [
  {
    check: 'AvailableSecurityFixesGlobalCheck',
    reason:
      "downloads Electron's release list from the internet, which this build machine cannot reach " +
      '(it waits for a timeout and reports nothing); Electron upgrades are tracked through npm instead.',
  },
];

// Findings that are known false positives, each pinned to a check id and file so a new
// occurrence elsewhere still fails. Keep this list short; fix the code when possible.
const ALLOWED = [
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'N/A',
    reason:
      'the CSP is sent as a response header by the vigil:// protocol handler (src/main/shell/electron.ts, ' +
      'policy from src/main/shell/csp.ts; asserted in electron.test.ts). The check only recognises <meta> ' +
      'tags and webRequest header literals, so this script evaluates the real policy below with the same ' +
      'CSP evaluator the check uses.',
    verify: verifyContentSecurityPolicy,
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'main/shell/window-options.ts',
    reason:
      'a "review the preload" reminder raised for every preload. The one preload (src/preload/index.ts) ' +
      'exposes only window.vigil.call/on through contextBridge, never ipcRenderer itself, and main checks ' +
      'the sender, method and input of every call.',
  },
];

/** The real policies of both shells, judged by the evaluator behind CSP_GLOBAL_CHECK. */
async function verifyContentSecurityPolicy() {
  const { contentSecurityPolicy } = await tsImport('../src/main/shell/csp.ts', import.meta.url);
  const problems = [];
  for (const connect of [[], ['ws://127.0.0.1:5000', 'ws://localhost:5000']]) {
    const policy = contentSecurityPolicy({ connect });
    const parsed = new cspEvaluator.CspParser(policy).csp;
    for (const finding of new cspEvaluator.CspEvaluator(parsed, cspEvaluator.Version.CSP3).evaluate()) {
      const { HIGH, MEDIUM, SYNTAX } = cspEvaluator.severities;
      const line = `${finding.directive}: ${finding.description}`;
      if ([HIGH, MEDIUM, SYNTAX].includes(finding.severity)) problems.push(line);
      else console.log(`  csp note (${policy.slice(0, 40)}...): ${line}`);
    }
  }
  return problems;
}

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

const started = Date.now();
const { issues, errors } = await electronegativity({
  input: join(root, 'src'),
  isRelative: true,
  electronVersionOverride: electronVersion,
  excludeFromScan: EXCLUDED_CHECKS.map((c) => c.check),
  parserPlugins: [],
});

let failed = false;
for (const { check, reason } of EXCLUDED_CHECKS) console.log(`not run: ${check}: ${reason}`);

for (const error of errors) {
  // A file the tool could not parse is a file nobody checked; a recovered parser warning is only noted.
  if (error.tolerable) {
    console.log(`parser warning ${error.file}: ${error.message}`);
  } else {
    console.error(`FAIL     could not parse ${error.file}: ${error.message}`);
    failed = true;
  }
}

const matched = new Set();
for (const issue of issues) {
  const severity = issue.severity.name;
  const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
  const summary = `${severity.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id} ${where} ${issue.description}`;
  const allowed = ALLOWED.find((a) => a.id === issue.id && a.file === issue.file);
  if (allowed) {
    matched.add(allowed);
    console.log(`allowed  ${summary}\n         because ${allowed.reason}`);
    if (allowed.verify) {
      const problems = await allowed.verify();
      for (const problem of problems) console.error(`FAIL     ${issue.id} (verified here): ${problem}`);
      if (problems.length > 0) failed = true;
    }
  } else if (FAILING.has(severity)) {
    console.error(`FAIL     ${summary}`);
    failed = true;
  } else {
    console.log(`note     ${summary}`);
  }
}
for (const entry of ALLOWED.filter((a) => !matched.has(a))) {
  console.warn(`warning: allow-list entry ${entry.id} (${entry.file}) matched nothing; remove it.`);
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `electronegativity ${electronVersion}: ${issues.length} finding(s), ${errors.length} parse error(s), ${seconds} s`,
);
console.log(failed ? 'lint:security FAILED' : 'lint:security passed');
process.exit(failed ? 1 : 0);
