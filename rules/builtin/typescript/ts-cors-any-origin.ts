import cors from 'cors';
import express from 'express';

const app = express();
// ruleid: ts-cors-any-origin
app.use(cors({ origin: '*', credentials: true }));
// ruleid: ts-cors-any-origin
app.use(cors({ origin: true, credentials: true }));
app.use((req, res, next) => {
  // ruleid: ts-cors-any-origin
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  next();
});
// ok: ts-cors-any-origin
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
// ok: ts-cors-any-origin
app.use(cors({ origin: (origin, cb) => cb(null, allowed.has(origin ?? '')) }));
// ok: ts-cors-any-origin
res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
