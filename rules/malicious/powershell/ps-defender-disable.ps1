# ruleid: ps-defender-disable
Set-MpPreference -DisableRealtimeMonitoring $true
# ruleid: ps-defender-disable
Add-MpPreference -ExclusionPath "C:\"
# ruleid: ps-defender-disable
reg add "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f
# ok: ps-defender-disable
Set-MpPreference -DisableRealtimeMonitoring $false
# ok: ps-defender-disable
Get-MpComputerStatus | Select-Object RealTimeProtectionEnabled
# ok: ps-defender-disable
Add-MpPreference -ExclusionPath "C:\src\build"
# ok: ps-defender-disable
Start-MpScan -ScanType QuickScan
