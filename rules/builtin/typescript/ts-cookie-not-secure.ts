import session from 'express-session';

export function login(res: any, token: string) {
  // ruleid: ts-cookie-not-secure
  res.cookie('session', token);
  // ruleid: ts-cookie-not-secure
  res.cookie('token', token, { httpOnly: true, secure: false });
  // ruleid: ts-cookie-not-secure
  app.use(session({ secret: process.env.SESSION_SECRET!, cookie: { secure: false } }));
  // ok: ts-cookie-not-secure
  res.cookie('session', token, { httpOnly: true, secure: true, sameSite: 'lax' });
  // ok: ts-cookie-not-secure
  res.cookie('theme', 'dark');
  // ok: ts-cookie-not-secure
  app.use(session({ secret: process.env.SESSION_SECRET!, cookie: { secure: true, httpOnly: true } }));
}
