const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();
const BASE = '/srv/files';

app.get('/files', (req, res) => {
  const name = req.query.name;
  // ruleid: js-express-path-traversal-taint
  fs.readFile(path.join(BASE, name), 'utf8', (err, data) => res.send(data));
  // ok: js-express-path-traversal-taint
  fs.readFile(path.join(BASE, path.basename(name)), 'utf8', (err, data) => res.send(data));
});

app.get('/download/:file', function (req, res) {
  // ruleid: js-express-path-traversal-taint
  res.sendFile(BASE + '/' + req.params.file);
});

app.get('/download-rooted/:file', function (req, res) {
  // ok: js-express-path-traversal-taint
  res.sendFile(req.params.file, { root: BASE });
});

app.delete('/uploads', async (req, res) => {
  // ruleid: js-express-path-traversal-taint
  await fs.promises.unlink(`/tmp/uploads/${req.body.name}`);
  // ok: js-express-path-traversal-taint
  await fs.promises.unlink('/tmp/uploads/latest.tmp');
  res.sendStatus(204);
});

module.exports = app;
