import javax.naming.directory.*;

class Directory {
    NamingEnumeration<SearchResult> find(DirContext ctx, String user, SearchControls sc) throws Exception {
        // ruleid: java-ldap-injection
        String filter = "(&(objectClass=person)(uid=" + user + "))";
        // ruleid: java-ldap-injection
        ctx.search("ou=people,dc=example,dc=com", "(uid=" + user + ")", sc);
        // ok: java-ldap-injection
        ctx.search("ou=people,dc=example,dc=com", "(uid={0})", new Object[] {user}, sc);
        // ok: java-ldap-injection
        String base = "ou=people," + "dc=example,dc=com";
        // ok: java-ldap-injection
        String fixed = "(objectClass=person)";
        return ctx.search(base, fixed, sc);
    }
}
