import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** Encrypts camera passwords at rest. Ciphertexts are versioned so the scheme can change later. */
export interface SecretStore {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
}

export const KEY_FILE = 'secret.key';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const VERSION = 'v1';

/** Whether a ciphertext is in the key file's format (so another store can hand it over). */
export const isKeyFileCipher = (cipher: string): boolean => cipher.startsWith(`${VERSION}:`);

/**
 * AES-256-GCM with a random key kept in `<dataDir>/secret.key`, readable only by
 * this user: the web shell's store, and Electron's when the OS offers no keychain.
 * The key is read (or created) on first use, so a desk without cameras has none.
 */
export function keyFileSecretStore(dataDir: string): SecretStore {
  const path = join(dataDir, KEY_FILE);
  let key: Buffer | null = null;
  const theKey = (): Buffer => (key ??= loadOrCreateKey(path));

  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', theKey(), iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
        .join(':');
    },
    decrypt(text) {
      const parts = text.split(':');
      if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('Not a secret this version of Vigil can read');
      const [iv, tag, data] = parts.slice(1).map((p) => Buffer.from(p, 'base64')) as [Buffer, Buffer, Buffer];
      const decipher = createDecipheriv('aes-256-gcm', theKey(), iv);
      decipher.setAuthTag(tag);
      // final() throws when the tag does not match: a changed ciphertext or another desk's key.
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    },
  };
}

function loadOrCreateKey(path: string): Buffer {
  try {
    // 'wx' fails if the file exists, so two processes never overwrite each other's key.
    writeFileSync(path, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  // Another user able to read the key could read every camera password: take their access away.
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(`The key file ${path} is damaged: camera passwords cannot be read. Re-enter them.`);
  }
  return key;
}
