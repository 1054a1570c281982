<?php
function render(string $tpl, array $vars) {
    // ruleid: php-preg-replace-eval
    $out = preg_replace('/\{(\w+)\}/e', '$vars["\1"]', $tpl);
    // ruleid: php-preg-replace-eval
    $up = preg_replace("#<b>(.*)</b>#ie", "strtoupper('\\1')", $tpl);
    // ok: php-preg-replace-eval
    $out = preg_replace_callback('/\{(\w+)\}/', fn($m) => $vars[$m[1]] ?? '', $tpl);
    // ok: php-preg-replace-eval
    $clean = preg_replace('/\s+/', ' ', $tpl);
    // ok: php-preg-replace-eval
    $names = preg_replace('/name/i', 'title', $tpl);
    return $out;
}
