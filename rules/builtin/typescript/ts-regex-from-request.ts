export function search(req: any, names: string[]) {
  // ruleid: ts-regex-from-request
  const re = new RegExp(req.query.q as string, 'i');
  // ruleid: ts-regex-from-request
  const other = new RegExp(String(req.body.pattern));
  // ok: ts-regex-from-request
  const safe = new RegExp(escapeRegExp(String(req.query.q)), 'i');
  // ok: ts-regex-from-request
  const hits = names.filter((n) => n.includes(String(req.query.q)));
  return [re, other, safe, hits];
}
