const express = require('express');
const cp = require('child_process');
const { exec, execFile, spawn } = require('child_process');

const app = express();

app.get('/ping', (req, res) => {
  const host = req.query.host;
  // ruleid: js-child-process-exec-taint
  exec('ping -c 1 ' + host, (err, out) => res.send(out));
  // ok: js-child-process-exec-taint
  execFile('ping', ['-c', '1', host], (err, out) => res.send(out));
});

app.post('/convert', function (req, res) {
  const file = req.body.file;
  const cmd = `convert ${file} /tmp/out.png`;
  // ruleid: js-child-process-exec-taint
  const out = cp.execSync(cmd);
  // ok: js-child-process-exec-taint
  cp.execSync('convert /srv/in.png /tmp/out.png');
  // ok: js-child-process-exec-taint
  const child = spawn('convert', [file, '/tmp/out.png']);
  // ruleid: js-child-process-exec-taint
  spawn(`convert ${file} /tmp/out.png`, [], { shell: true });
  res.send(out);
});

app.get('/tail', async (req, res) => {
  const lines = parseInt(req.query.n, 10);
  // ok: js-child-process-exec-taint
  exec(`tail -n ${lines} /var/log/app.log`, (err, out) => res.send(out));
});

function cleanup(dir) {
  // ok: js-child-process-exec-taint
  exec('rm -rf ' + dir);
}

module.exports = { app, cleanup };
