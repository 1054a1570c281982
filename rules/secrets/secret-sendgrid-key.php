<?php
// ruleid: secret-sendgrid-key
$sendgrid = new \SendGrid('%%fake:sendgrid-key%%');
// ok: secret-sendgrid-key
$sendgrid = new \SendGrid(getenv('SENDGRID_API_KEY'));
// ok: secret-sendgrid-key
$version = 'SG.2024.release-notes';
