const jwt = require('jsonwebtoken');

const SECRET = process.env.JWT_SECRET;

function issue(user) {
  // ruleid: js-jwt-none-alg
  const unsigned = jwt.sign({ sub: user.id }, null, { algorithm: 'none' });
  // ok: js-jwt-none-alg
  const signed = jwt.sign({ sub: user.id }, SECRET, { algorithm: 'HS256', expiresIn: '1h' });
  return { unsigned, signed };
}

function check(token) {
  // ruleid: js-jwt-none-alg
  const loose = jwt.verify(token, SECRET, { algorithms: ['HS256', 'none'] });
  // ok: js-jwt-none-alg
  const strict = jwt.verify(token, SECRET, { algorithms: ['HS256'] });
  // ok: js-jwt-none-alg
  const plain = jwt.verify(token, SECRET);
  return loose || strict || plain;
}

const signer = { sign: (payload, key, opts) => JSON.stringify({ payload, opts }) };
// ok: js-jwt-none-alg
signer.sign({ a: 1 }, null, { algorithm: 'none' });

function checkCallback(token, done) {
  // ruleid: js-jwt-none-alg
  jwt.verify(token, '', { algorithms: ['none'] }, done);
}

module.exports = { issue, check, checkCallback };
