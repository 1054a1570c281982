import { createCipheriv, randomBytes } from 'crypto';

export function seal(key: Buffer, data: string) {
  // ruleid: ts-weak-cipher
  const a = createCipheriv('des-ede3-cbc', key, randomBytes(8));
  // ruleid: ts-weak-cipher
  const b = createCipheriv('aes-256-ecb', key, null);
  // ruleid: ts-weak-cipher
  const c = crypto.createCipher('aes192', 'password');
  const iv = randomBytes(12);
  // ok: ts-weak-cipher
  const d = createCipheriv('aes-256-gcm', key, iv);
  // ok: ts-weak-cipher
  const e = createCipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 });
  // ok: ts-weak-cipher
  const f = createCipheriv('aes-256-cbc', key, randomBytes(16));
  return [a, b, c, d, e, f, data];
}
