# ruleid: ps-firewall-disable
netsh advfirewall set allprofiles state off
# ruleid: ps-firewall-disable
Set-NetFirewallProfile -Profile Domain,Public,Private -Enabled False
# ok: ps-firewall-disable
netsh advfirewall set allprofiles state on
# ok: ps-firewall-disable
Set-NetFirewallProfile -Profile Domain -Enabled True
# ok: ps-firewall-disable
New-NetFirewallRule -DisplayName "App" -Direction Inbound -LocalPort 8080 -Protocol TCP -Action Allow
# ok: ps-firewall-disable
netsh advfirewall show allprofiles
