<?php
function store(PDO $pdo, string $password, string $email) {
    // ruleid: php-weak-password-hash
    $hash = md5($password);
    // ruleid: php-weak-password-hash
    $hash2 = hash('sha256', $salt . $password);
    // ok: php-weak-password-hash
    $hash = password_hash($password, PASSWORD_DEFAULT);
    // ok: php-weak-password-hash
    $avatar = md5(strtolower(trim($email)));
    // ok: php-weak-password-hash
    $ok = password_verify($password, $hash);
}
