<?php
// ruleid: php-unlimited-resources
ini_set('memory_limit', '-1');
// ruleid: php-unlimited-resources
set_time_limit(0);
// ok: php-unlimited-resources
ini_set('memory_limit', '256M');
// ok: php-unlimited-resources
set_time_limit(30);
