# ruleid: sh-pipe-remote-script
curl -sSf https://sh.example-lang.org | sh -s -- -y
# ruleid: sh-pipe-remote-script
sh -c "$(curl -fsSL https://raw.example.com/tool/install.sh)"
# ok: sh-pipe-remote-script
curl -fsSL https://get.example.dev/install.sh -o install.sh
# ok: sh-pipe-remote-script
curl -s https://api.example.com/v1/status | jq .status
# ok: sh-pipe-remote-script
wget -qO- https://example.org/key.gpg | sudo tee /etc/apt/keyrings/example.asc
# ok: sh-pipe-remote-script
curl -sL https://example.org/release.tar.gz | sha256sum
