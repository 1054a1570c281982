# ruleid: sh-log-wipe
rm -rf /var/log/*
# ruleid: sh-log-wipe
cat /dev/null > /var/log/auth.log
# ruleid: sh-log-wipe
echo > /var/log/wtmp; shred -u /var/log/btmp
# ruleid: sh-log-wipe
find /var/log -type f -exec truncate -s 0 {} \;
# ok: sh-log-wipe
find /var/log/myapp -name '*.gz' -mtime +30 -delete
# ok: sh-log-wipe
tail -f /var/log/syslog
# ok: sh-log-wipe
grep sshd /var/log/auth.log
# ok: sh-log-wipe
journalctl --vacuum-time=2weeks
# ok: sh-log-wipe
rm -f /var/log/myapp/debug.log
