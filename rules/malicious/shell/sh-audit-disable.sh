# ruleid: sh-audit-disable
auditctl -D
# ruleid: sh-audit-disable
auditctl -e 0
# ruleid: sh-audit-disable
systemctl stop auditd
# ok: sh-audit-disable
auditctl -l
# ok: sh-audit-disable
auditctl -w /etc/passwd -p wa -k passwd_changes
# ok: sh-audit-disable
systemctl restart auditd
# ok: sh-audit-disable
ausearch -k passwd_changes --start today
