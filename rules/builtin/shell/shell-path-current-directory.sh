#!/bin/sh
# ruleid: shell-path-current-directory
export PATH=.:$PATH
# ruleid: shell-path-current-directory
PATH="$PATH:."
# ruleid: shell-path-current-directory
export PATH=$PATH:
# ok: shell-path-current-directory
export PATH="$HOME/.local/bin:$PATH"
# ok: shell-path-current-directory
PATH=/usr/local/bin:/usr/bin:/bin
# ok: shell-path-current-directory
export PATH="/opt/app/bin:${PATH}"
