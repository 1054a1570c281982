// ruleid: js-hardcoded-secret
const API_KEY = "sk-example-0123456789abcdef";
// ruleid: js-hardcoded-secret
const jwtSecret = 'my-jwt-signing-secret';
const pool = createPool({
  host: "db.internal",
  // ruleid: js-hardcoded-secret
  password: "hunter2-example",
});
// ruleid: js-hardcoded-secret
if (req.body.password === "admin1234") grantAccess();
// ok: js-hardcoded-secret
const apiKey = process.env.API_KEY;
// ok: js-hardcoded-secret
const passwordLabel = "Password";
// ok: js-hardcoded-secret
const clientSecret = "";
// ok: js-hardcoded-secret
const input = { type: "password", name: "password" };
// ok: js-hardcoded-secret
const secretToken = "<your token here>";
