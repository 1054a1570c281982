import fs from 'fs';
import path from 'path';

export function download(req: any, res: any) {
  // ruleid: ts-express-path-traversal
  res.sendFile(path.join(__dirname, 'files', req.params.name));
  // ruleid: ts-express-path-traversal
  const data = fs.readFileSync('/srv/reports/' + req.query.report);
  // ok: ts-express-path-traversal
  res.sendFile(req.params.name, { root: path.join(__dirname, 'files') });
  // ok: ts-express-path-traversal
  const safe = fs.readFileSync(path.join('/srv/reports', path.basename(String(req.query.report))));
  // ok: ts-express-path-traversal
  res.sendFile(path.join(__dirname, 'public', 'index.html'));
}
