#!/bin/sh
# ruleid: shell-tls-verification-disabled
curl -sk https://internal.example.com/health
# ruleid: shell-tls-verification-disabled
wget --no-check-certificate https://downloads.example.com/app.tar.gz
# ruleid: shell-tls-verification-disabled
git config --global http.sslVerify false
# ruleid: shell-tls-verification-disabled
export NODE_TLS_REJECT_UNAUTHORIZED=0
# ok: shell-tls-verification-disabled
curl -fsS --cacert /etc/ssl/internal-ca.pem https://internal.example.com/health
# ok: shell-tls-verification-disabled
wget https://downloads.example.com/app.tar.gz
# ok: shell-tls-verification-disabled
git config --global http.sslCAInfo /etc/ssl/internal-ca.pem
# ok: shell-tls-verification-disabled
curl -K curl.conf https://api.example.com
