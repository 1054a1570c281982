# ruleid: sh-ransomware-encrypt-delete
find /home -type f \( -name '*.docx' -o -name '*.jpg' \) -exec openssl enc -aes-256-cbc -salt -pass pass:"$K" -in {} -out {}.locked \; -exec shred -u {} \;
echo "All your files have been encrypted. Send 0.1 BTC to recover them." > /home/README_RECOVER.txt
# ===== block =====
# ok: sh-ransomware-encrypt-delete
tar czf - /srv/data | gpg -c --batch --passphrase-file /root/.backup-pass > /backup/data.tgz.gpg
# ===== block =====
# ok: sh-ransomware-encrypt-delete
find ./exports -name '*.csv' -exec gpg -e -r ops@example.com {} \;
