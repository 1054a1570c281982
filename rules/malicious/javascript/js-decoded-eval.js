// ruleid: js-decoded-eval
eval(atob("Y29uc29sZS5sb2coMSk="));
const code = Buffer.from(process.env.P, "base64").toString();
// ruleid: js-decoded-eval
new Function(code)();
// ===== block =====
const s = String.fromCharCode(...data.map((c) => c ^ 7));
// ruleid: js-decoded-eval
vm.runInThisContext(s);
// ===== block =====
// ok: js-decoded-eval
const claims = JSON.parse(atob(token.split(".")[1]));
// ok: js-decoded-eval
const html = Buffer.from(body, "base64").toString("utf8");
// ===== block =====
// ok: js-decoded-eval
const add = new Function("a", "b", "return a + b");
