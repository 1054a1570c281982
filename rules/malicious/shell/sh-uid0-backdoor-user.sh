# ruleid: sh-uid0-backdoor-user
useradd -o -u 0 -g 0 -M -d /root -s /bin/bash sysupdate
# ruleid: sh-uid0-backdoor-user
echo 'sysupdate:$1$xyz$abc:0:0::/root:/bin/bash' >> /etc/passwd
# ok: sh-uid0-backdoor-user
useradd -m -s /bin/bash deploy
# ok: sh-uid0-backdoor-user
grep deploy /etc/passwd
# ok: sh-uid0-backdoor-user
usermod -aG docker deploy
# ok: sh-uid0-backdoor-user
cut -d: -f1 /etc/passwd
