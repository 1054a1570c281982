<?php
function after_login($request) {
    // ruleid: php-open-redirect
    header('Location: ' . $_GET['next']);
    // ruleid: php-open-redirect
    return redirect()->to($request->input('return_to'));
    // ok: php-open-redirect
    header('Location: /dashboard.php');
    // todoruleid: php-open-redirect
    header("Location: " . $target);
    // ok: php-open-redirect
    header("Location: " . $base . "/dashboard.php");
    // ok: php-open-redirect
    return redirect()->route('home');
}
