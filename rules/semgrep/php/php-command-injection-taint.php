<?php
$host = $_GET['host'];
// ruleid: php-command-injection-taint
$output = shell_exec('ping -c 1 ' . $host);
// ok: php-command-injection-taint
$output = shell_exec('ping -c 1 ' . escapeshellarg($host));
// ok: php-command-injection-taint
$uptime = shell_exec('uptime');

$file = $_POST['file'];
// ruleid: php-command-injection-taint
system("convert $file /tmp/out.png", $status);
// ok: php-command-injection-taint
system('convert ' . escapeshellarg($file) . ' /tmp/out.png', $status);
// ruleid: php-command-injection-taint
$listing = `ls -la {$_GET['dir']}`;
// ok: php-command-injection-taint
$listing = `ls -la /var/www`;
$lines = [];
// ruleid: php-command-injection-taint
exec('grep -r ' . $_REQUEST['q'] . ' /var/log/app', $lines);
// ok: php-command-injection-taint
exec('grep -r ' . escapeshellarg($_REQUEST['q']) . ' /var/log/app', $lines);
echo htmlspecialchars($output . $uptime . $listing);
