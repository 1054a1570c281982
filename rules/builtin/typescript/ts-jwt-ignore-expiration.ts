import jwt from 'jsonwebtoken';

export function check(token: string, key: string) {
  // ruleid: ts-jwt-ignore-expiration
  const a = jwt.verify(token, key, { algorithms: ['HS256'], ignoreExpiration: true });
  // ok: ts-jwt-ignore-expiration
  const b = jwt.verify(token, key, { algorithms: ['HS256'] });
  // ok: ts-jwt-ignore-expiration
  const c = jwt.verify(token, key, { algorithms: ['HS256'], ignoreExpiration: false });
  return [a, b, c];
}
