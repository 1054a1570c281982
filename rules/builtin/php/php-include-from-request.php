<?php
// ruleid: php-include-from-request
include($_GET['page'] . '.php');
// ruleid: php-include-from-request
require_once "modules/" . $_REQUEST['module'] . "/init.php";
$pages = ['home' => 'home.php', 'about' => 'about.php'];
$page = $pages[$_GET['page'] ?? 'home'] ?? 'home.php';
// ok: php-include-from-request
include __DIR__ . '/pages/' . $page;
// ok: php-include-from-request
require_once __DIR__ . '/vendor/autoload.php';
