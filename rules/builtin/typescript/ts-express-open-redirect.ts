export function afterLogin(req: any, res: any) {
  // ruleid: ts-express-open-redirect
  res.redirect(req.query.next);
  // ruleid: ts-express-open-redirect
  res.redirect(302, req.body.returnTo);
  // ok: ts-express-open-redirect
  res.redirect('/dashboard');
  // ok: ts-express-open-redirect
  res.redirect(safeReturnPath(req.query.next));
}
