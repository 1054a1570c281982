# ruleid: sh-setuid-shell
chmod u+s /bin/bash
# ruleid: sh-setuid-shell
cp /bin/sh /tmp/.rootsh && chmod 4755 /tmp/.rootsh
# ok: sh-setuid-shell
chmod 755 /usr/local/bin/backup.sh
# ok: sh-setuid-shell
chmod u+x deploy.sh
# ok: sh-setuid-shell
chmod g+s /srv/shared
# ok: sh-setuid-shell
chmod 2775 /srv/shared
