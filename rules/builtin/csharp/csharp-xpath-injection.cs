using System.Xml;

class Users
{
    XmlNode Find(XmlDocument doc, string name)
    {
        // ruleid: csharp-xpath-injection
        var n = doc.SelectSingleNode($"//user[@name='{name}']");
        // ruleid: csharp-xpath-injection
        var all = doc.SelectNodes("//user[@name='" + name + "']");
        // ok: csharp-xpath-injection
        var users = doc.SelectNodes("//user");
        // ok: csharp-xpath-injection
        var first = doc.SelectSingleNode("/users/user[1]");
        return n;
    }
}
