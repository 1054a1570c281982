#!/usr/bin/env bash
# ruleid: shell-predictable-temp-file
ps aux > /tmp/procs.txt
# ruleid: shell-predictable-temp-file
curl -fsS https://api.example.com/data | tee /tmp/data.$$.json
# ruleid: shell-predictable-temp-file
name=$(mktemp -u)
# ok: shell-predictable-temp-file
tmp=$(mktemp)
# ok: shell-predictable-temp-file
trap 'rm -f "$tmp"' EXIT
# ok: shell-predictable-temp-file
ps aux > "$tmp"
# ok: shell-predictable-temp-file
workdir=$(mktemp -d)
# ruleid: shell-predictable-temp-file
TMPFILE=/tmp/export.$$
# ok: shell-predictable-temp-file
TMPFILE=$(mktemp /tmp/export.XXXXXX)
