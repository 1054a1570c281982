# ruleid: sh-crypto-miner
./xmrig -o pool.example.org:3333 -u "$WALLET" -k --donate-level 1
# ruleid: sh-crypto-miner
nohup ./kworkerd --url stratum+tcp://pool.example.net:4444 --user w1 >/dev/null 2>&1 &
# ruleid: sh-crypto-miner
subprocess.Popen(["./xmrig", "-o", "pool.example.org:3333", "-u", wallet])
# ok: sh-crypto-miner
echo "monitoring pool latency for $POOL_HOST"
# ok: sh-crypto-miner
brew info xmrig
# ok: sh-crypto-miner
grep -r "stratum" docs/
