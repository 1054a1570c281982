<?php
function find($ds, string $user) {
    // ruleid: php-ldap-filter-injection
    $r = ldap_search($ds, 'ou=people,dc=example,dc=com', "(uid=$user)");
    // ruleid: php-ldap-filter-injection
    $r = ldap_search($ds, 'ou=people,dc=example,dc=com', '(&(objectClass=person)(uid=' . $user . '))');
    // ok: php-ldap-filter-injection
    $r = ldap_search($ds, 'ou=people,dc=example,dc=com', '(uid=' . ldap_escape($user, '', LDAP_ESCAPE_FILTER) . ')');
    // ok: php-ldap-filter-injection
    $r = ldap_search($ds, 'ou=people,dc=example,dc=com', '(objectClass=person)');
    return $r;
}
