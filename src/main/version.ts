import pkg from '../../package.json';

/** Vigil's version, from package.json (the same value Electron's app.getVersion() reads). */
export const VERSION: string = pkg.version;
