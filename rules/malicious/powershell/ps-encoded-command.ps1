# ruleid: ps-encoded-command
powershell.exe -NoP -NonI -W Hidden -Enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAA=
# ruleid: ps-encoded-command
Start-Process pwsh -ArgumentList "-e JABjAGwAaQBlAG4AdAAgAD0AIABOAGUAdwAtAE8AYgBqAGUAYwB0AA=="
# ok: ps-encoded-command
powershell -ExecutionPolicy Bypass -File .\build.ps1
# ok: ps-encoded-command
pwsh -Command "Get-ChildItem -Recurse"
# ok: ps-encoded-command
$b64 = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
