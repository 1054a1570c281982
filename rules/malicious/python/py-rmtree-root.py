import os, shutil
# ruleid: py-rmtree-root
shutil.rmtree("/", ignore_errors=True)
# ruleid: py-rmtree-root
shutil.rmtree(os.path.expanduser("~"))
# ruleid: py-rmtree-root
for root, dirs, files in os.walk("/"):
    for name in files:
        os.remove(os.path.join(root, name))
# ok: py-rmtree-root
shutil.rmtree("./build")
# ok: py-rmtree-root
shutil.rmtree(tmpdir, ignore_errors=True)
# ok: py-rmtree-root
shutil.rmtree(Path.home() / ".cache" / "myapp")
# ===== block =====
# ok: py-rmtree-root
for root, dirs, files in os.walk("/"):
    total += len(files)
