const express = require('express');
const mysql = require('mysql2');

const app = express();
const db = mysql.createConnection({ host: 'localhost', user: 'app', database: 'shop' });

app.get('/user', (req, res) => {
  const name = req.query.name;
  // ruleid: js-express-sqli-taint
  db.query(`SELECT * FROM users WHERE name = '${name}'`, (err, rows) => res.json(rows));
  // ok: js-express-sqli-taint
  db.query('SELECT * FROM users WHERE name = ?', [name], (err, rows) => res.json(rows));
});

app.post('/orders', function (req, res) {
  const status = req.body.status;
  const sql = "SELECT id FROM orders WHERE status = '" + status + "'";
  // ruleid: js-express-sqli-taint
  db.execute(sql, (err, rows) => res.json(rows));
  // ok: js-express-sqli-taint
  db.execute('SELECT id FROM orders WHERE status = ?', [status], (err, rows) => res.json(rows));
});

app.get('/items/:id', async (req, res) => {
  const id = parseInt(req.params.id, 10);
  // ok: js-express-sqli-taint
  const [rows] = await db.promise().query('SELECT * FROM items WHERE id = ' + id);
  // ok: js-express-sqli-taint
  await db.promise().query('SELECT count(*) AS n FROM items');
  // ruleid: js-express-sqli-taint
  await db.promise().query('SELECT * FROM items WHERE owner = ' + req.get('X-Owner'));
  res.json(rows);
});

function report(period) {
  // ok: js-express-sqli-taint
  return db.query(`SELECT sum(total) FROM orders WHERE period = '${period}'`);
}

module.exports = { app, report };
