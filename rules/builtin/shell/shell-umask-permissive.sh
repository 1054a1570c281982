#!/bin/sh
# ruleid: shell-umask-permissive
umask 000
# ruleid: shell-umask-permissive
umask 0
# ok: shell-umask-permissive
umask 022
# ok: shell-umask-permissive
umask 0077
