# ruleid: ps-destroy-system-drive
format C: /q /y
# ruleid: ps-destroy-system-drive
Remove-Item -Path C:\ -Recurse -Force
# ruleid: ps-destroy-system-drive
cmd /c "rd /s /q C:\"
# ok: ps-destroy-system-drive
Get-Process | Format-Table -AutoSize
# ok: ps-destroy-system-drive
Remove-Item -Recurse -Force .\bin
# ok: ps-destroy-system-drive
Remove-Item C:\temp\build -Recurse -Force
# ok: ps-destroy-system-drive
rd /s /q C:\temp\old
