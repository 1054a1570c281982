# ruleid: ps-decoded-payload-execution
IEX ([Text.Encoding]::Unicode.GetString([Convert]::FromBase64String($p)))
$s = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($blob))
# ruleid: ps-decoded-payload-execution
Invoke-Expression $s
# ===== block =====
$bytes = [Convert]::FromBase64String($logoBase64)
[IO.File]::WriteAllBytes("logo.png", $bytes)
# ===== block =====
# ok: ps-decoded-payload-execution
Invoke-Expression "Get-Service | Where-Object Status -eq Running"
# ok: ps-decoded-payload-execution
$sb = [scriptblock]::Create("Get-Date")
