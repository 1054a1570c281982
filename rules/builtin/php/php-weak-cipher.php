<?php
function seal(string $data, string $key) {
    // ruleid: php-weak-cipher
    $a = openssl_encrypt($data, 'des-ede3-cbc', $key, 0, $iv);
    // ruleid: php-weak-cipher
    $b = openssl_encrypt($data, 'AES-128-ECB', $key);
    $iv = random_bytes(12);
    // ok: php-weak-cipher
    $c = openssl_encrypt($data, 'aes-256-gcm', $key, OPENSSL_RAW_DATA, $iv, $tag);
    // ok: php-weak-cipher
    $d = openssl_encrypt($data, 'chacha20-poly1305', $key, OPENSSL_RAW_DATA, $iv, $tag);
    return $c;
}
