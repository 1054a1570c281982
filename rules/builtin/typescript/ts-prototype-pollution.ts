import _ from 'lodash';

export function update(req: any, settings: Record<string, unknown>) {
  // ruleid: ts-prototype-pollution
  _.merge(settings, req.body);
  // ruleid: ts-prototype-pollution
  settings[req.body.key] = req.body.value;
  // ruleid: ts-prototype-pollution
  _.set(settings, req.query.path, req.query.value);
  // ok: ts-prototype-pollution
  const next = { ...settings, theme: String(req.body.theme ?? 'light') };
  // ok: ts-prototype-pollution
  const store = new Map<string, unknown>(); store.set(String(req.body.key), req.body.value);
  // ok: ts-prototype-pollution
  if (ALLOWED_KEYS.has(req.body.key)) settings.theme = req.body.value;
  return next;
}
