# ruleid: sh-firewall-disable
ufw disable
# ruleid: sh-firewall-disable
systemctl stop firewalld && systemctl disable firewalld
# ruleid: sh-firewall-disable
iptables -P INPUT ACCEPT; iptables -F
# ok: sh-firewall-disable
ufw enable
# ok: sh-firewall-disable
ufw allow 22/tcp
# ok: sh-firewall-disable
iptables -F INPUT && iptables -P INPUT DROP
# ok: sh-firewall-disable
systemctl restart firewalld
