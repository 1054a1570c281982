<?php
// ruleid: php-cors-any-origin
header('Access-Control-Allow-Origin: *');
// ruleid: php-cors-any-origin
header('Access-Control-Allow-Origin: ' . $_SERVER['HTTP_ORIGIN']);
// ok: php-cors-any-origin
header('Access-Control-Allow-Origin: https://app.example.com');
// ok: php-cors-any-origin
header('Vary: Origin');
