# ruleid: ps-shadow-copy-delete
vssadmin delete shadows /all /quiet
# ruleid: ps-shadow-copy-delete
Get-WmiObject Win32_ShadowCopy | ForEach-Object { $_.Delete() }
# ruleid: ps-shadow-copy-delete
bcdedit /set {default} recoveryenabled No
# ok: ps-shadow-copy-delete
vssadmin list shadows
# ok: ps-shadow-copy-delete
vssadmin create shadow /for=C:
# ok: ps-shadow-copy-delete
wbadmin start backup -backupTarget:E: -include:C: -quiet
# ok: ps-shadow-copy-delete
bcdedit /enum
