using System.Net.Http;

class Proxy : Microsoft.AspNetCore.Mvc.Controller
{
    async System.Threading.Tasks.Task<string> Fetch(HttpClient http)
    {
        // ruleid: csharp-ssrf-request-url
        var body = await http.GetStringAsync(Request.Query["url"]);
        // ruleid: csharp-ssrf-request-url
        var uri = new Uri(Request.Query["target"]);
        // ok: csharp-ssrf-request-url
        var status = await http.GetStringAsync("https://api.example.com/status");
        // ok: csharp-ssrf-request-url
        var item = await http.GetStringAsync($"https://api.example.com/items/{Uri.EscapeDataString(Request.Query["id"])}");
        return body + status + item;
    }
}
