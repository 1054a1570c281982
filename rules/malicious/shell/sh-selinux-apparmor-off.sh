# ruleid: sh-selinux-apparmor-off
setenforce 0
# ruleid: sh-selinux-apparmor-off
sed -i 's/^SELINUX=enforcing/SELINUX=disabled/' /etc/selinux/config
# ruleid: sh-selinux-apparmor-off
systemctl stop falcon-sensor && systemctl disable falcon-sensor
# ok: sh-selinux-apparmor-off
setenforce 1
# ok: sh-selinux-apparmor-off
getenforce
# ok: sh-selinux-apparmor-off
systemctl restart apparmor
# ok: sh-selinux-apparmor-off
sestatus | grep "Current mode"
