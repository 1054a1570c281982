<?php
$url = $_GET['url'];
// ruleid: php-ssrf-taint
$body = file_get_contents($url);
// ok: php-ssrf-taint
$body = file_get_contents('https://api.example.com/status');
$user = $_GET['user'];
// ok: php-ssrf-taint
$avatar = file_get_contents('https://avatars.example.com/' . $user);
// ruleid: php-ssrf-taint
$ch = curl_init($_POST['callback']);
// ok: php-ssrf-taint
$ch = curl_init();
// ruleid: php-ssrf-taint
curl_setopt($ch, CURLOPT_URL, 'http://' . $_POST['host'] . '/ping');
// ok: php-ssrf-taint
curl_setopt($ch, CURLOPT_URL, 'https://hooks.example.com/' . rawurlencode($user));
curl_exec($ch);
