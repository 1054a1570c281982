<?php
// ruleid: php-decoded-eval
eval(gzinflate(base64_decode('S0lNzsgHAA==')));
$c = str_rot13($payload);
// ruleid: php-decoded-eval
eval($c);
// ===== block =====
// ok: php-decoded-eval
$image = base64_decode($_POST['image']);
// ===== block =====
// ok: php-decoded-eval
assert($count >= 0);
// ok: php-decoded-eval
$total = eval('return 2 + 2;');
