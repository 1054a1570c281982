import jwt from 'jsonwebtoken';
import type { Request } from 'express';

export function currentUser(req: Request, key: string) {
  // ruleid: ts-jwt-decode-without-verify
  const claims = jwt.decode(req.headers.authorization?.split(' ')[1] ?? '');
  // ruleid: ts-jwt-decode-without-verify
  const fromCookie = jwtDecode(req.cookies.session);
  // ok: ts-jwt-decode-without-verify
  const verified = jwt.verify(req.cookies.session, key, { algorithms: ['HS256'] });
  // ok: ts-jwt-decode-without-verify
  const header = jwt.decode(localToken, { complete: true });
  return verified;
}
