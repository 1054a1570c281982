using System;
using System.Text.RegularExpressions;

class Search
{
    bool Find(string pattern, string text, Microsoft.AspNetCore.Http.HttpRequest Request)
    {
        // ruleid: csharp-regex-from-input
        var re = new Regex(pattern);
        // ruleid: csharp-regex-from-input
        var hit = Regex.IsMatch(text, Request.Query["q"]);
        // ok: csharp-regex-from-input
        var timed = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(200));
        // ok: csharp-regex-from-input
        var literal = new Regex("^[a-z0-9_]{3,16}$", RegexOptions.Compiled);
        // ok: csharp-regex-from-input
        var escaped = new Regex(Regex.Escape(pattern));
        return re.IsMatch(text) || hit;
    }
}
