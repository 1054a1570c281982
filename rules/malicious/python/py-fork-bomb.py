import os
while True:
    # ruleid: py-fork-bomb
    os.fork()
# ===== block =====
import multiprocessing
while True:
    # ruleid: py-fork-bomb
    multiprocessing.Process(target=burn).start()
# ===== block =====
import os
while True:
    conn, _ = server.accept()
    # ok: py-fork-bomb
    pid = os.fork()
# ok: py-fork-bomb
if os.fork() > 0:
    sys.exit(0)
# ===== block =====
for _ in range(4):
    # ok: py-fork-bomb
    os.fork()
