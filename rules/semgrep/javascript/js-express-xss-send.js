const express = require('express');
const escapeHtml = require('escape-html');

const app = express();

app.get('/hello', (req, res) => {
  const name = req.query.name;
  // ruleid: js-express-xss-send
  res.send('<h1>Hello ' + name + '</h1>');
  // ok: js-express-xss-send
  res.send('<h1>Hello ' + escapeHtml(name) + '</h1>');
});

app.get('/search', function (req, res) {
  const q = req.query.q;
  // ruleid: js-express-xss-send
  res.status(404).send(`<p>No results for ${q}</p>`);
  // ok: js-express-xss-send
  res.json({ query: q, results: [] });
  // ok: js-express-xss-send
  res.status(404).send('<p>No results</p>');
});

app.post('/comment', (req, res) => {
  const body = req.body.text;
  res.setHeader('Content-Type', 'text/html');
  // ruleid: js-express-xss-send
  res.write(`<div class="comment">${body}</div>`);
  // ok: js-express-xss-send
  res.end('<p>saved</p>');
});

function banner(title) {
  return (req, res) => {
    // ok: js-express-xss-send
    res.send(`<h1>${title}</h1>`);
  };
}

module.exports = { app, banner };
