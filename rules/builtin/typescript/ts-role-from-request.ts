export function removeUser(req: any, res: any) {
  // ruleid: ts-role-from-request
  if (req.body.isAdmin) return deleteUser(req.params.id);
  // ruleid: ts-role-from-request
  if (req.headers['x-user-role'] === 'admin') return deleteUser(req.params.id);
  // ok: ts-role-from-request
  if (req.user?.roles.includes('admin')) return deleteUser(req.params.id);
  // ok: ts-role-from-request
  const name = req.body.name;
  res.sendStatus(403);
}
