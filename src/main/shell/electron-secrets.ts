import { safeStorage } from 'electron';
import { isKeyFileCipher, keyFileSecretStore, type SecretStore } from '../cameras/secrets';

const PREFIX = 'ss1:';

/**
 * Camera passwords sealed by the OS keychain through Electron's safeStorage. Where
 * there is none (or, on Linux, only the 'basic_text' backend, whose key is the same
 * on every machine) the data directory's key file is used instead. Each ciphertext
 * names its scheme, so passwords saved either way (or by the web shell) stay readable.
 */
export function electronSecretStore(dataDir: string): SecretStore {
  const keyFile = keyFileSecretStore(dataDir);
  const osKeychain = (): boolean =>
    safeStorage.isEncryptionAvailable() &&
    !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');

  return {
    encrypt(plain) {
      if (!osKeychain()) return keyFile.encrypt(plain);
      return PREFIX + safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(cipher) {
      if (isKeyFileCipher(cipher)) return keyFile.decrypt(cipher);
      if (!cipher.startsWith(PREFIX)) throw new Error('Not a secret this version of Vigil can read');
      return safeStorage.decryptString(Buffer.from(cipher.slice(PREFIX.length), 'base64'));
    },
  };
}
