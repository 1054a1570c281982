const crypto = require("crypto");

function issue(user) {
  // ruleid: js-math-random-token
  const token = Math.random().toString(36).slice(2);
  // ruleid: js-math-random-token
  const resetCode = Math.floor(100000 + Math.random() * 900000);
  // ruleid: js-math-random-token
  return { sessionId: Math.random().toString(16).substring(2), user };
}

function issueSafely(user) {
  // ok: js-math-random-token
  const token = crypto.randomBytes(32).toString("hex");
  // ok: js-math-random-token
  const sessionId = crypto.randomUUID();
  // ok: js-math-random-token
  const delay = Math.random() * 1000;
  // ok: js-math-random-token
  const color = colors[Math.floor(Math.random() * colors.length)];
  return { token, sessionId, delay, color, user };
}
