#!/bin/sh
# ruleid: shell-ssh-host-key-check-off
ssh -o StrictHostKeyChecking=no deploy@app.example.com 'systemctl restart app'
# ruleid: shell-ssh-host-key-check-off
scp -o UserKnownHostsFile=/dev/null build.tgz deploy@app.example.com:/srv/
# ok: shell-ssh-host-key-check-off
ssh -o StrictHostKeyChecking=yes deploy@app.example.com 'systemctl restart app'
# ok: shell-ssh-host-key-check-off
ssh -o UserKnownHostsFile=~/.ssh/known_hosts_deploy deploy@app.example.com uptime
