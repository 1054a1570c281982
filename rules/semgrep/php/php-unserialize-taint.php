<?php
$state = base64_decode($_COOKIE['state']);
// ruleid: php-unserialize-taint
$cart = unserialize($state);
// ok: php-unserialize-taint
$cart = json_decode($state, true);
// ok: php-unserialize-taint
$cart = unserialize($state, ['allowed_classes' => false]);
// ruleid: php-unserialize-taint
$prefs = unserialize($_POST['prefs']);
// ok: php-unserialize-taint
$defaults = unserialize(file_get_contents('/var/cache/app/defaults.bin'));
