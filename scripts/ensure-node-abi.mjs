// better-sqlite3 is a native module compiled for one runtime at a time. `npm start`
// rebuilds it for Electron (electron-builder install-app-deps); the Node-side commands
// (npm test, npm run web, npm run vigil) need it built for Node again. This checks,
// and rebuilds only when the binary is for the other runtime.
import { spawnSync } from 'node:child_process';

const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
  encoding: 'utf8',
});
if (probe.status === 0) process.exit(0);

if (/NODE_MODULE_VERSION|did not self-register|invalid ELF|Could not locate the bindings/.test(probe.stderr)) {
  console.error('better-sqlite3 is built for Electron; rebuilding it for Node.js (about a minute)…');
  const rebuild = spawnSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit' });
  process.exit(rebuild.status ?? 1);
}
console.error(probe.stderr);
process.exit(1);
