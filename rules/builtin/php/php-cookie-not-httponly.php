<?php
function login(string $sid) {
    // ruleid: php-cookie-not-httponly
    setcookie('session', $sid, time() + 3600, '/', '', true, false);
    // ruleid: php-cookie-not-httponly
    ini_set('session.cookie_httponly', '0');
    // ok: php-cookie-not-httponly
    setcookie('session', $sid, time() + 3600, '/', '', true, true);
    // ok: php-cookie-not-httponly
    ini_set('session.cookie_httponly', '1');
}
