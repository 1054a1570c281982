#!/usr/bin/env bash
# ruleid: shell-sh-c-interpolated
sh -c "tar czf /backups/$name.tgz $dir"
# ruleid: shell-sh-c-interpolated
su - app -c "cd $APP_DIR && ./run.sh"
# ruleid: shell-sh-c-interpolated
find . -name '*.log' | xargs -I{} sh -c 'gzip {}'
# ok: shell-sh-c-interpolated
sh -c 'tar czf "/backups/$1.tgz" "$2"' _ "$name" "$dir"
# ok: shell-sh-c-interpolated
find . -name '*.log' -exec gzip -- {} +
# ok: shell-sh-c-interpolated
sh -c "systemctl restart app"
