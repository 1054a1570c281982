const https = require("https");

// ruleid: js-tls-reject-unauthorized-off
const agent = new https.Agent({ rejectUnauthorized: false });
// ruleid: js-tls-reject-unauthorized-off
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
// ruleid: js-tls-reject-unauthorized-off
process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;
// ok: js-tls-reject-unauthorized-off
const strict = new https.Agent({ rejectUnauthorized: true });
// ok: js-tls-reject-unauthorized-off
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";
// ok: js-tls-reject-unauthorized-off
const pinned = new https.Agent({ ca: fs.readFileSync("internal-ca.pem") });
module.exports = { agent, strict, pinned };
