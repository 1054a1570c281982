<?php
if (isset($_GET['debug'])) {
    // ruleid: php-phpinfo
    phpinfo();
}
// ok: php-phpinfo
// phpinfo() was removed from this page
// ok: php-phpinfo
$version = PHP_VERSION;
