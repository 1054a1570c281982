<?php
function make_token() {
    // ruleid: php-insecure-random-secret
    $token = md5(uniqid(rand(), true));
    // ruleid: php-insecure-random-secret
    $resetCode = mt_rand(100000, 999999);
    // ruleid: php-insecure-random-secret
    $password = substr(str_shuffle('abcdefghjkmnpqrstuvwxyz23456789'), 0, 10);
    // ok: php-insecure-random-secret
    $token = bin2hex(random_bytes(32));
    // ok: php-insecure-random-secret
    $resetCode = random_int(100000, 999999);
    // ok: php-insecure-random-secret
    $colour = mt_rand(0, 255);
    return $token;
}
