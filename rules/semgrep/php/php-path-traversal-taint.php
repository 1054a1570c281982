<?php
$base = '/srv/files/';
$name = $_GET['file'];
// ruleid: php-path-traversal-taint
readfile($base . $name);
// ok: php-path-traversal-taint
readfile($base . basename($name));
// ok: php-path-traversal-taint
readfile($base . 'index.txt');

// ruleid: php-path-traversal-taint
unlink('/tmp/uploads/' . $_POST['name']);
// ok: php-path-traversal-taint
unlink('/tmp/uploads/' . basename($_POST['name']));

$upload = $_FILES['avatar'];
// ruleid: php-path-traversal-taint
move_uploaded_file($upload['tmp_name'], '/srv/avatars/' . $upload['name']);
// ok: php-path-traversal-taint
move_uploaded_file($upload['tmp_name'], '/srv/avatars/' . bin2hex(random_bytes(16)) . '.png');
