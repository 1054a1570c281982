<?php
function find_user(PDO $pdo, mysqli $db, string $name, $id) {
    // ruleid: php-sql-string-building
    $rows = $pdo->query("SELECT * FROM users WHERE name = '$name'");
    // ruleid: php-sql-string-building
    $sql = 'DELETE FROM sessions WHERE user_id = ' . $_GET['id'];
    // ruleid: php-sql-string-building
    mysqli_query($db, "UPDATE users SET name = '{$name}' WHERE id = 1");
    // ok: php-sql-string-building
    $stmt = $pdo->prepare("SELECT * FROM users WHERE name = ?");
    // ok: php-sql-string-building
    $stmt->execute([$name]);
    // ok: php-sql-string-building
    $byId = 'SELECT * FROM users WHERE id = ' . (int) $id;
    // ok: php-sql-string-building
    $msg = "Selected user $name";
    // ok: php-sql-string-building
    $log = 'update <' . $name . '> done';
    return $stmt->fetchAll();
}
