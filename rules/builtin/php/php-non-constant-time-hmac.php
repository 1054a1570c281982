<?php
function verify_webhook(string $body, string $sig, string $secret) {
    // ruleid: php-non-constant-time-hmac
    if (hash_hmac('sha256', $body, $secret) !== $sig) { return false; }
    // ruleid: php-non-constant-time-hmac
    return $sig == hash_hmac('sha256', $body, $secret);
}
function verify_ok(string $body, string $sig, string $secret) {
    // ok: php-non-constant-time-hmac
    $expected = hash_hmac('sha256', $body, $secret);
    // ok: php-non-constant-time-hmac
    return hash_equals($expected, $sig);
}
