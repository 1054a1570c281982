<?php
function download($request) {
    $dir = __DIR__ . '/files';
    // ruleid: php-file-path-from-request
    readfile($dir . '/' . $_GET['file']);
    // ruleid: php-file-path-from-request
    unlink("uploads/" . $_POST['name']);
    // ruleid: php-file-path-from-request
    $text = file_get_contents(storage_path('docs/' . $request->input('doc')));
    // ok: php-file-path-from-request
    readfile($dir . '/' . basename($_GET['file']));
    // ok: php-file-path-from-request
    $data = file_get_contents($_FILES['upload']['tmp_name']);
    // ok: php-file-path-from-request
    $index = file_get_contents($dir . '/index.html');
}
