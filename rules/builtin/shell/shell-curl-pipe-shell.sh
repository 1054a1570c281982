#!/usr/bin/env bash
set -euo pipefail
# ruleid: shell-curl-pipe-shell
curl -fsSL https://get.example.com/install.sh | sh
# ruleid: shell-curl-pipe-shell
wget -qO- https://get.example.com/install.sh | sudo bash -s -- --yes
# ruleid: shell-curl-pipe-shell
bash <(curl -fsSL https://get.example.com/install.sh)
# ok: shell-curl-pipe-shell
curl -fsSLo install.sh https://get.example.com/install.sh
# ok: shell-curl-pipe-shell
echo "3b1f...  install.sh" | sha256sum -c -
# ok: shell-curl-pipe-shell
curl -fsSL https://api.example.com/releases | jq -r '.[0].tag_name'
# ok: shell-curl-pipe-shell
sh install.sh
