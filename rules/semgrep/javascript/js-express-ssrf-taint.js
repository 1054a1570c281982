const express = require('express');
const axios = require('axios');

const app = express();

app.get('/preview', async (req, res) => {
  // ruleid: js-express-ssrf-taint
  const response = await fetch(req.query.url);
  res.send(await response.text());
});

app.get('/avatar', async (req, res) => {
  const user = req.query.user;
  // ok: js-express-ssrf-taint
  const image = await axios.get(`https://avatars.example.com/${user}.png`);
  // ok: js-express-ssrf-taint
  const status = await axios.get('https://status.example.com/health');
  res.json({ image: image.status, status: status.status });
});

app.post('/webhook', async (req, res) => {
  const host = req.body.host;
  // ruleid: js-express-ssrf-taint
  await axios.post(req.body.callback, { ok: true });
  // ruleid: js-express-ssrf-taint
  await axios.get('http://' + host + '/internal/health');
  // ok: js-express-ssrf-taint
  await axios.get('https://hooks.example.com/' + encodeURIComponent(host));
  res.sendStatus(204);
});

module.exports = app;
