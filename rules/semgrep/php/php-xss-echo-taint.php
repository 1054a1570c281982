<?php
$name = $_GET['name'] ?? 'guest';
// ruleid: php-xss-echo-taint
echo "<h1>Hello, $name</h1>";
// ok: php-xss-echo-taint
echo '<h1>Hello, ' . htmlspecialchars($name, ENT_QUOTES, 'UTF-8') . '</h1>';
// ok: php-xss-echo-taint
echo '<h1>Hello</h1>';
$page = (int) $_GET['page'];
// ok: php-xss-echo-taint
echo "<p>Page $page</p>";
// ruleid: php-xss-echo-taint
print('<p>You searched for ' . $_POST['q'] . '</p>');
// ruleid: php-xss-echo-taint
printf('<a href="%s">back</a>', $_SERVER['HTTP_REFERER']);
// ok: php-xss-echo-taint
printf('<a href="%s">back</a>', htmlspecialchars($_SERVER['HTTP_REFERER']));
