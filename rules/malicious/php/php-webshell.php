<?php
// ruleid: php-webshell
if (isset($_GET['c'])) { system($_GET['c']); }
// ruleid: php-webshell
@eval(base64_decode($_POST['x']));
// ruleid: php-webshell
$_GET['f']($_GET['a']);
// ok: php-webshell
echo htmlspecialchars($_GET['q'], ENT_QUOTES);
// ok: php-webshell
$id = (int) $_GET['id'];
// ok: php-webshell
exec("convert " . escapeshellarg($_FILES['img']['tmp_name']) . " out.png");
