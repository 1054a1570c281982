<?php
// ruleid: php-role-from-cookie
if ($_COOKIE['is_admin'] == '1') { show_admin_panel(); }
// ruleid: php-role-from-cookie
$user = load_user($_COOKIE['user_id']);
// ok: php-role-from-cookie
if (($_SESSION['role'] ?? '') === 'admin') { show_admin_panel(); }
// ok: php-role-from-cookie
$theme = $_COOKIE['theme'] ?? 'light';
