import escapeHtml from 'escape-html';

export function hello(req: any, res: any) {
  // ruleid: ts-express-html-from-request
  res.send(`<h1>Hello ${req.query.name}</h1>`);
  // ruleid: ts-express-html-from-request
  res.send('<p>You searched for ' + req.query.q + '</p>');
  // ok: ts-express-html-from-request
  res.send(`<h1>Hello ${escapeHtml(String(req.query.name))}</h1>`);
  // ok: ts-express-html-from-request
  res.json({ name: req.query.name });
}
