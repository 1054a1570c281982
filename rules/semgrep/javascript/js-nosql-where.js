const express = require('express');
const { MongoClient } = require('mongodb');

const app = express();
const client = new MongoClient('mongodb://127.0.0.1:27017');
const users = client.db('app').collection('users');

app.get('/users', async (req, res) => {
  const name = req.query.name;
  // ruleid: js-nosql-where
  const found = await users.find({ $where: "this.name == '" + name + "'" }).toArray();
  // ok: js-nosql-where
  const same = await users.find({ name: String(name) }).toArray();
  res.json({ found, same });
});

app.get('/older', async (req, res) => {
  const age = req.query.age;
  // ruleid: js-nosql-where
  const rows = await users.find({ active: true, '$where': `this.age > ${age}` }).toArray();
  // ok: js-nosql-where
  const fixed = await users.find({ $where: 'this.age > this.minAge' }).toArray();
  // ok: js-nosql-where
  const expr = await users.find({ $expr: { $gt: ['$age', Number(age)] } }).toArray();
  res.json({ rows, fixed, expr });
});

function byClause(clause) {
  // ruleid: js-nosql-where
  return users.findOne({ $where: clause });
}

function withFunction() {
  // ok: js-nosql-where
  return users.find({ $where: function () { return this.credits > this.debits; } });
}

module.exports = { app, byClause, withFunction };
