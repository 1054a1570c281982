<?php
function proxy($client) {
    $ch = curl_init();
    // ruleid: php-ssrf-request-url
    curl_setopt($ch, CURLOPT_URL, $_GET['url']);
    // ruleid: php-ssrf-request-url
    $img = file_get_contents($_GET['image']);
    // ruleid: php-ssrf-request-url
    $res = $client->get($_POST['webhook']);
    // ok: php-ssrf-request-url
    curl_setopt($ch, CURLOPT_URL, 'https://api.example.com/status');
    // ok: php-ssrf-request-url
    $res = $client->get('https://api.example.com/items/' . rawurlencode($_GET['id'] ?? ''));
    // ok: php-ssrf-request-url
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
}
