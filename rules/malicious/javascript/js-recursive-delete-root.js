// ruleid: js-recursive-delete-root
fs.rmSync("/", { recursive: true, force: true });
// ruleid: js-recursive-delete-root
fs.rm(os.homedir(), { recursive: true, force: true }, () => {});
// ruleid: js-recursive-delete-root
rimraf.sync("/*");
// ok: js-recursive-delete-root
fs.rmSync("./dist", { recursive: true, force: true });
// ok: js-recursive-delete-root
rimraf.sync(path.join(__dirname, "build"));
// ok: js-recursive-delete-root
fs.rmSync(path.join(os.homedir(), ".cache", "app"), { recursive: true });
