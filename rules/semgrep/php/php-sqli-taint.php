<?php
$conn = mysqli_connect('localhost', 'app', getenv('DB_PASSWORD'), 'shop');
$pdo = new PDO('mysql:host=localhost;dbname=shop', 'app', getenv('DB_PASSWORD'));

$name = $_GET['name'];
// ruleid: php-sqli-taint
$result = mysqli_query($conn, "SELECT * FROM users WHERE name = '$name'");
$stmt = mysqli_prepare($conn, 'SELECT * FROM users WHERE name = ?');
mysqli_stmt_bind_param($stmt, 's', $name);
// ok: php-sqli-taint
mysqli_stmt_execute($stmt);
// ok: php-sqli-taint
$all = mysqli_query($conn, 'SELECT * FROM users ORDER BY name');

$id = $_POST['id'];
// ruleid: php-sqli-taint
$pdo->query('DELETE FROM orders WHERE id = ' . $id);
// ok: php-sqli-taint
$pdo->query('DELETE FROM orders WHERE id = ' . intval($id));
$prepared = $pdo->prepare('SELECT * FROM orders WHERE customer = :customer');
// ok: php-sqli-taint
$prepared->execute(['customer' => $_POST['customer']]);

$sort = $_REQUEST['sort'] ?? 'name';
$sql = "SELECT * FROM products ORDER BY " . $sort;
// ruleid: php-sqli-taint
$pdo->exec($sql);
$escaped = mysqli_real_escape_string($conn, $_COOKIE['team']);
// ok: php-sqli-taint
mysqli_query($conn, "SELECT * FROM teams WHERE name = '$escaped'");
