using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

public class GreetController : Controller
{
    public IActionResult Hello(string name)
    {
        // ruleid: csharp-xss-taint
        return Content("<h1>Hello " + name + "</h1>", "text/html");
    }

    public IActionResult HelloSafe(string name)
    {
        // ok: csharp-xss-taint
        return Content("<h1>Hello " + HtmlEncoder.Default.Encode(name) + "</h1>", "text/html");
    }

    public IActionResult Plain(string name)
    {
        // ok: csharp-xss-taint
        return Content("Hello " + name, "text/plain");
    }

    public IActionResult Banner()
    {
        string message = Request.Query["msg"];
        // ruleid: csharp-xss-taint
        ViewBag.Banner = new HtmlString("<b>" + message + "</b>");
        // ok: csharp-xss-taint
        ViewBag.Safe = new HtmlString("<b>" + WebUtility.HtmlEncode(message) + "</b>");
        return View();
    }

    public async Task Echo()
    {
        // ruleid: csharp-xss-taint
        await HttpContext.Response.WriteAsync("<p>" + Request.Query["text"] + "</p>");
        // ok: csharp-xss-taint
        await HttpContext.Response.WriteAsync("<p>Saved</p>");
    }
}
