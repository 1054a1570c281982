const { exec, execSync, execFile, execFileSync } = require("child_process");
const child_process = require("child_process");

function archive(folder, name, callback) {
  // ruleid: js-child-process-exec-template
  exec(`tar czf ${name}.tgz ${folder}`, callback);
  // ruleid: js-child-process-exec-template
  const size = execSync("du -sh " + folder).toString();
  // ruleid: js-child-process-exec-template
  child_process.exec(`rm -rf ${folder}`);
  // ok: js-child-process-exec-template
  execFile("tar", ["czf", `${name}.tgz`, folder], callback);
  // ok: js-child-process-exec-template
  const listing = execFileSync("ls", ["-l", folder]);
  // ok: js-child-process-exec-template
  exec("ls -la", callback);
  // ok: js-child-process-exec-template
  const match = /(\w+)\.tgz/.exec(`${name}.tgz`);
  return [size, listing, match];
}
