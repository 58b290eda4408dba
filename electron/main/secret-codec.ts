// Electron's safeStorage as the settings' SecretCodec. Only usable once the app is ready.
import { safeStorage } from 'electron';
import type { SecretCodec } from '../settings/protected-secrets';

export function safeStorageCodec(): SecretCodec {
  const available = safeStorage.isEncryptionAvailable();
  const weak =
    process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  return {
    available,
    weak,
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (encoded) => safeStorage.decryptString(Buffer.from(encoded, 'base64')),
  };
}
