<?php
function upload($request) {
    // ruleid: php-upload-client-filename
    move_uploaded_file($_FILES['f']['tmp_name'], 'uploads/' . $_FILES['f']['name']);
    // ruleid: php-upload-client-filename
    $request->file('avatar')->storeAs('avatars', $request->file('avatar')->getClientOriginalName());
    // ok: php-upload-client-filename
    move_uploaded_file($_FILES['f']['tmp_name'], 'uploads/' . bin2hex(random_bytes(16)) . '.jpg');
    // ok: php-upload-client-filename
    $path = $request->file('avatar')->store('avatars');
    // ok: php-upload-client-filename
    $shown = htmlspecialchars($_FILES['f']['name']);
}
