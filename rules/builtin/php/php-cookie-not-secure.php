<?php
function login(string $sid) {
    // ruleid: php-cookie-not-secure
    setcookie('session', $sid);
    // ruleid: php-cookie-not-secure
    setcookie('session', $sid, time() + 3600, '/', '', false, true);
    // ruleid: php-cookie-not-secure
    setcookie('session', $sid, ['expires' => time() + 3600, 'secure' => false]);
    // ok: php-cookie-not-secure
    setcookie('session', $sid, ['expires' => time() + 3600, 'secure' => true, 'httponly' => true, 'samesite' => 'Lax']);
    // ok: php-cookie-not-secure
    setcookie('session', $sid, time() + 3600, '/', '', true, true);
    // ok: php-cookie-not-secure
    setcookie('session', $sid, ['secure' => true]);
}
