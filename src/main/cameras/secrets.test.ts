import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { KEY_FILE, keyFileSecretStore } from './secrets';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
const dataDir = () => {
  const d = tempDir();
  dirs.push(d);
  return d.path;
};
const posix = process.platform !== 'win32';

describe('key file secret store', () => {
  it('encrypts with a fresh IV each time into a versioned format, and decrypts', () => {
    const store = keyFileSecretStore(dataDir());
    const a = store.encrypt('correct horse');
    const b = store.encrypt('correct horse');
    expect(a).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct');
    expect(store.decrypt(a)).toBe('correct horse');
    expect(store.decrypt(store.encrypt('ünïcødé 🔑'))).toBe('ünïcødé 🔑');
  });

  it('creates the key on first use, readable only by this user, and keeps it across restarts', () => {
    const dir = dataDir();
    const cipher = keyFileSecretStore(dir).encrypt('pw');
    if (posix) expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(join(dir, KEY_FILE), 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(keyFileSecretStore(dir).decrypt(cipher)).toBe('pw');
  });

  it.runIf(posix)('takes away other users’ access to a key file that has it', () => {
    const dir = dataDir();
    keyFileSecretStore(dir).encrypt('pw');
    chmodSync(join(dir, KEY_FILE), 0o644);
    keyFileSecretStore(dir).encrypt('pw');
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('refuses a changed ciphertext, another key, an unknown version and a damaged key file', () => {
    const dir = dataDir();
    const cipher = keyFileSecretStore(dir).encrypt('pw');
    const [v, iv, tag, data] = cipher.split(':');
    const flipped = Buffer.from(data!, 'base64').map((x) => x ^ 1);
    expect(() =>
      keyFileSecretStore(dir).decrypt([v, iv, tag, Buffer.from(flipped).toString('base64')].join(':')),
    ).toThrow();
    expect(() => keyFileSecretStore(dataDir()).decrypt(cipher)).toThrow();
    expect(() => keyFileSecretStore(dir).decrypt(`v9:${iv}:${tag}:${data}`)).toThrow(/cannot read|can read/);
    writeFileSync(join(dir, KEY_FILE), 'c2hvcnQ=\n');
    expect(() => keyFileSecretStore(dir).encrypt('pw')).toThrow(/damaged/);
  });
});
