# ruleid: ps-uac-bypass-registry
New-Item "HKCU:\Software\Classes\ms-settings\Shell\Open\command" -Force
# ruleid: ps-uac-bypass-registry
Set-ItemProperty "HKCU:\Software\Classes\ms-settings\Shell\Open\command" -Name "DelegateExecute" -Value ""
Start-Process "C:\Windows\System32\fodhelper.exe"
# ===== block =====
# ok: ps-uac-bypass-registry
Get-ItemProperty "HKCU:\Software\Classes\ms-settings\Shell\Open\command" -ErrorAction SilentlyContinue
# ok: ps-uac-bypass-registry
Start-Process powershell -Verb RunAs
# ok: ps-uac-bypass-registry
Get-ItemProperty "HKCR:\txtfile\shell\open\command"
