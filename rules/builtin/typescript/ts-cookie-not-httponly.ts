export function login(res: any, token: string) {
  // ruleid: ts-cookie-not-httponly
  res.cookie('session', token, { httpOnly: false, secure: true });
  // ok: ts-cookie-not-httponly
  res.cookie('session', token, { httpOnly: true, secure: true });
  // ok: ts-cookie-not-httponly
  const prefs = { httpOnly: false };
}
