#!/bin/sh
# ruleid: shell-sudoers-nopasswd-all
echo "deploy ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/deploy
# ruleid: shell-sudoers-nopasswd-all
echo 'ci ALL=(ALL:ALL) NOPASSWD:ALL' >> /etc/sudoers
# ok: shell-sudoers-nopasswd-all
echo "deploy ALL=(root) NOPASSWD: /usr/bin/systemctl restart app" > /etc/sudoers.d/deploy
# ok: shell-sudoers-nopasswd-all
echo "admin ALL=(ALL) ALL" > /etc/sudoers.d/admin
