<?php
function load_cart(string $cookie) {
    // ruleid: php-unserialize
    $cart = unserialize($_COOKIE['cart']);
    // ruleid: php-unserialize
    $prefs = unserialize(base64_decode($cookie));
    // ok: php-unserialize
    $cart = json_decode($_COOKIE['cart'], true);
    // ok: php-unserialize
    $prefs = unserialize($cookie, ['allowed_classes' => false]);
    // ok: php-unserialize
    $blob = serialize($prefs);
    return $cart;
}
