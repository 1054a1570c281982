import { createHash, createHmac } from 'crypto';

export function digest(data: string, key: string) {
  // ruleid: ts-weak-hash
  const a = createHash('md5').update(data).digest('hex');
  // ruleid: ts-weak-hash
  const b = createHmac('sha1', key).update(data).digest('hex');
  // ok: ts-weak-hash
  const c = createHash('sha256').update(data).digest('hex');
  // ok: ts-weak-hash
  const d = createHmac('sha256', key).update(data).digest('hex');
  return [a, b, c, d];
}
