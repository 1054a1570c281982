<?php
// ruleid: php-display-errors-on
ini_set('display_errors', '1');
// ruleid: php-display-errors-on
ini_set("display_startup_errors", 1);
// ok: php-display-errors-on
ini_set('display_errors', '0');
// ok: php-display-errors-on
ini_set('log_errors', '1');
