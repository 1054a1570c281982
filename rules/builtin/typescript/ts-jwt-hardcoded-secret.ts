import jwt from 'jsonwebtoken';

export function issue(userId: string, token: string) {
  // ruleid: ts-jwt-hardcoded-secret
  const t = jwt.sign({ sub: userId }, 'super-secret-key', { expiresIn: '1h' });
  // ruleid: ts-jwt-hardcoded-secret
  const c = jwt.verify(token, "changeme123");
  // ok: ts-jwt-hardcoded-secret
  const good = jwt.sign({ sub: userId }, process.env.JWT_SECRET!, { expiresIn: '1h' });
  // ok: ts-jwt-hardcoded-secret
  const v = jwt.verify(token, config.jwtSecret, { algorithms: ['HS256'] });
  return [t, c, good, v];
}
