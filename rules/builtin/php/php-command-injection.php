<?php
function thumb(string $file, PDO $pdo) {
    // ruleid: php-command-injection
    system("convert " . $file . " thumb.png");
    // ruleid: php-command-injection
    $out = shell_exec("ping -c 1 {$_GET['host']}");
    // ruleid: php-command-injection
    $list = `ls -l $file`;
    // ok: php-command-injection
    system('convert ' . escapeshellarg($file) . ' thumb.png');
    // ok: php-command-injection
    $proc = proc_open(['convert', $file, 'thumb.png'], [], $pipes);
    // ok: php-command-injection
    $pdo->exec("DELETE FROM cache");
    // ok: php-command-injection
    exec('uptime');
}
