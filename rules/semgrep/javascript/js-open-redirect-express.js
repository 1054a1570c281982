const express = require('express');

const app = express();
const SAFE_TARGETS = ['/home', '/account', '/orders'];

app.get('/login/done', (req, res) => {
  const next = req.query.next;
  // ruleid: js-open-redirect-express
  res.redirect(next);
});

app.get('/go', function (req, res) {
  const target = req.query.url;
  if (SAFE_TARGETS.includes(target)) {
    // ok: js-open-redirect-express
    return res.redirect(target);
  }
  // ok: js-open-redirect-express
  res.redirect('/home');
});

app.get('/out', (req, res) => {
  // ruleid: js-open-redirect-express
  res.redirect(302, req.query.to);
  // ok: js-open-redirect-express
  res.redirect(302, '/search?q=' + encodeURIComponent(req.query.to));
});

app.get('/legacy', (req, res) => {
  // ruleid: js-open-redirect-express
  res.location(req.get('Referer')).sendStatus(302);
  // ok: js-open-redirect-express
  res.location('/').sendStatus(302);
});

module.exports = app;
