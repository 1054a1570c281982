<?php
function check($stored, $password) {
    // ruleid: php-loose-comparison-auth
    if (strcmp($_POST['password'], $stored) == 0) { return true; }
    // ruleid: php-loose-comparison-auth
    if (md5($password) == $stored) { return true; }
    // ok: php-loose-comparison-auth
    if (password_verify($password, $stored)) { return true; }
    // ok: php-loose-comparison-auth
    if (hash_equals($stored, $_COOKIE['remember'] ?? '')) { return true; }
    // ok: php-loose-comparison-auth
    if (strcmp($a, $b) === 0) { return true; }
    return false;
}
