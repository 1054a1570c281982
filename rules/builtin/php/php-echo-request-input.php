<?php
// ruleid: php-echo-request-input
echo "<h1>Results for " . $_GET['q'] . "</h1>";
// ruleid: php-echo-request-input
print "<a href='{$_SERVER['PHP_SELF']}'>again</a>";
// ok: php-echo-request-input
echo "<h1>Results for " . htmlspecialchars($_GET['q'], ENT_QUOTES, 'UTF-8') . "</h1>";
// ok: php-echo-request-input
echo "Page " . (int) $_GET['page'];
?>
<!-- ruleid: php-echo-request-input -->
<p><?= $_GET['name'] ?></p>
<!-- ok: php-echo-request-input -->
<p><?= htmlspecialchars($_GET['name']) ?></p>
