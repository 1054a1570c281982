<?php
function calc(string $expr) {
    // ruleid: php-eval-injection
    eval('$result = ' . $expr . ';');
    // ruleid: php-eval-injection
    eval("return {$_POST['formula']};");
    // ruleid: php-eval-injection
    $f = create_function('$a', 'return $a * 2;');
    // ok: php-eval-injection
    $result = array_sum(array_map('intval', explode('+', $expr)));
    // ok: php-eval-injection
    $double = fn($a) => $a * 2;
    // ok: php-eval-injection
    assert(is_string($expr));
    return $result;
}
