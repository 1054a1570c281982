using System.DirectoryServices;

class Ldap
{
    SearchResult Find(DirectorySearcher searcher, string user)
    {
        // ruleid: csharp-ldap-filter-injection
        searcher.Filter = $"(&(objectClass=user)(sAMAccountName={user}))";
        // ruleid: csharp-ldap-filter-injection
        searcher.Filter = "(sAMAccountName=" + user + ")";
        // ok: csharp-ldap-filter-injection
        searcher.Filter = $"(&(objectClass=user)(sAMAccountName={EscapeLdapFilter(user)}))";
        // ok: csharp-ldap-filter-injection
        searcher.Filter = "(objectClass=user)";
        return searcher.FindOne();
    }
}
