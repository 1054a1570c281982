import axios from 'axios';

export async function preview(req: any, res: any) {
  // ruleid: ts-ssrf-request-url
  const page = await fetch(req.query.url as string);
  // ruleid: ts-ssrf-request-url
  const feed = await axios.get(req.body.feedUrl);
  // ok: ts-ssrf-request-url
  const item = await fetch(`https://api.example.com/items/${encodeURIComponent(req.params.id)}`);
  // ok: ts-ssrf-request-url
  const status = await axios.get('https://api.example.com/status');
  res.json({ page, feed, item, status });
}
