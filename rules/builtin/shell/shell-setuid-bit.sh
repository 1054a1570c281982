#!/bin/sh
# ruleid: shell-setuid-bit
chmod u+s /usr/bin/python3
# ruleid: shell-setuid-bit
chmod 4755 /usr/local/bin/backup
# ok: shell-setuid-bit
chmod 0755 /usr/local/bin/backup
# ok: shell-setuid-bit
setcap cap_net_bind_service=+ep /usr/local/bin/server
# ok: shell-setuid-bit
chmod u+x /usr/local/bin/backup
