import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';

// safeStorage stand-in: "encrypts" by reversing bytes, so a test can tell which store sealed what.
const safe = vi.hoisted(() => ({
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  encryptString: vi.fn((plain: string) => Buffer.from(plain, 'utf8').reverse()),
  decryptString: vi.fn((cipher: Buffer) => Buffer.from(cipher).reverse().toString('utf8')),
}));
vi.mock('electron', () => ({ safeStorage: safe }));

const { electronSecretStore } = await import('./electron-secrets');

let dir: { path: string; remove(): void };
beforeEach(() => {
  vi.clearAllMocks();
  safe.isEncryptionAvailable.mockReturnValue(true);
  safe.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('Electron secret store', () => {
  it('seals with safeStorage when the OS keychain is available', () => {
    const store = electronSecretStore(dir.path);
    const cipher = store.encrypt('pa55');
    expect(cipher).toBe(`ss1:${Buffer.from('55ap').toString('base64')}`);
    expect(safe.encryptString).toHaveBeenCalledWith('pa55');
    expect(store.decrypt(cipher)).toBe('pa55');
  });

  it('falls back to the key file without a keychain, and still reads what either sealed', () => {
    const store = electronSecretStore(dir.path);
    const sealed = store.encrypt('by keychain');
    safe.isEncryptionAvailable.mockReturnValue(false);
    const fromFile = store.encrypt('by key file');
    expect(fromFile).toMatch(/^v1:/);
    expect(safe.encryptString).toHaveBeenCalledTimes(1);
    expect(store.decrypt(fromFile)).toBe('by key file');
    safe.isEncryptionAvailable.mockReturnValue(true);
    expect(store.decrypt(sealed)).toBe('by keychain');
    expect(store.decrypt(fromFile)).toBe('by key file');
  });

  it.runIf(process.platform === 'linux')(
    'does not trust the basic_text backend, whose key is the same everywhere',
    () => {
      safe.getSelectedStorageBackend.mockReturnValue('basic_text');
      expect(electronSecretStore(dir.path).encrypt('pw')).toMatch(/^v1:/);
      expect(safe.encryptString).not.toHaveBeenCalled();
    },
  );

  it('refuses a ciphertext in no known format', () => {
    expect(() => electronSecretStore(dir.path).decrypt('plain text')).toThrow(/cannot read|can read/);
  });
});
