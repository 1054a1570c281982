# ruleid: ps-clear-event-logs
wevtutil cl Security
# ruleid: ps-clear-event-logs
Get-EventLog -List | ForEach-Object { Clear-EventLog $_.Log }
# ruleid: ps-clear-event-logs
auditpol /set /category:* /success:disable /failure:disable
# ok: ps-clear-event-logs
wevtutil qe Security /c:5 /f:text
# ok: ps-clear-event-logs
Get-WinEvent -LogName Security -MaxEvents 10
# ok: ps-clear-event-logs
auditpol /get /category:*
# ok: ps-clear-event-logs
wevtutil el
