#!/bin/sh
# ruleid: shell-chmod-world-writable
chmod 777 /srv/app/uploads
# ruleid: shell-chmod-world-writable
chmod -R 666 /var/log/app
# ruleid: shell-chmod-world-writable
chmod o+w /etc/app.conf
# ruleid: shell-chmod-world-writable
mkdir -p -m 0777 /srv/shared
# ok: shell-chmod-world-writable
chmod 755 /usr/local/bin/app
# ok: shell-chmod-world-writable
chmod 600 ~/.ssh/id_ed25519
# ok: shell-chmod-world-writable
chmod u+x run.sh
# ok: shell-chmod-world-writable
chmod go-w /etc/app.conf
