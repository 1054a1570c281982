<?php
// ruleid: php-hardcoded-credential
$db_password = 'Winter2024!';
// ruleid: php-hardcoded-credential
define('API_KEY', 'sk_live_51HxQ2fA9');
// ruleid: php-hardcoded-credential
$pdo = new PDO('mysql:host=db;dbname=app', 'root', 'toor1234');
// ok: php-hardcoded-credential
$db_password = getenv('DB_PASSWORD');
// ok: php-hardcoded-credential
$pdo = new PDO($_ENV['DSN'], $_ENV['DB_USER'], $_ENV['DB_PASSWORD']);
// ok: php-hardcoded-credential
$password_field = 'password';
// ok: php-hardcoded-credential
$password = $_POST['password'] ?? '';
