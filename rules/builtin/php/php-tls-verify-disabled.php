<?php
$ch = curl_init('https://api.example.com');
// ruleid: php-tls-verify-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
// ruleid: php-tls-verify-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);
// ruleid: php-tls-verify-disabled
$client = new GuzzleHttp\Client(['verify' => false]);
// ok: php-tls-verify-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
// ok: php-tls-verify-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);
// ok: php-tls-verify-disabled
$client = new GuzzleHttp\Client(['verify' => '/etc/ssl/certs/ca-certificates.crt']);
