# ruleid: sh-disk-wipe-dd
dd if=/dev/zero of=/dev/sda bs=1M
# ruleid: sh-disk-wipe-dd
dd of=/dev/nvme0n1 if=/dev/urandom bs=4M status=progress
# ruleid: sh-disk-wipe-dd
shred -n 3 -z /dev/sdb
# ok: sh-disk-wipe-dd
dd if=ubuntu-24.04.iso of=/dev/sdb bs=4M status=progress
# ok: sh-disk-wipe-dd
dd if=/dev/zero of=./swapfile bs=1M count=1024
# ok: sh-disk-wipe-dd
dd if=/dev/sda of=/mnt/backup/sda.img bs=4M
# ok: sh-disk-wipe-dd
shred -u secrets.txt
