<?php
$page = $_GET['page'];
// ruleid: php-file-inclusion-taint
include $page . '.php';
// ok: php-file-inclusion-taint
include 'pages/home.php';
// ok: php-file-inclusion-taint
include 'pages/' . basename($page) . '.php';

$pages = ['home' => 'pages/home.php', 'about' => 'pages/about.php'];
// ok: php-file-inclusion-taint
require_once $pages['home'];
// ruleid: php-file-inclusion-taint
require_once __DIR__ . '/lang/' . $_COOKIE['lang'] . '.php';
