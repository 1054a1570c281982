# ruleid: sh-mkfs-system-disk
mkfs.ext4 -F /dev/sda
# ruleid: sh-mkfs-system-disk
mkfs -t xfs /dev/nvme0n1p1
# ruleid: sh-mkfs-system-disk
wipefs -a /dev/sda
# ok: sh-mkfs-system-disk
mkfs.ext4 /dev/sdb1
# ok: sh-mkfs-system-disk
mkfs.ext4 /dev/xvdf
# ok: sh-mkfs-system-disk
mkfs.ext4 -F disk.img
# ok: sh-mkfs-system-disk
lsblk /dev/sda
