using System.IO;
using Microsoft.AspNetCore.Mvc;

class Files : Controller
{
    IActionResult Get(string root)
    {
        // ruleid: csharp-path-from-request
        var text = System.IO.File.ReadAllText(Path.Combine(root, Request.Query["file"]));
        // ruleid: csharp-path-from-request
        return PhysicalFile("/srv/files/" + Request.Query["name"], "application/octet-stream");
    }
    IActionResult Safe(string root)
    {
        // ok: csharp-path-from-request
        var path = Path.Combine(root, Path.GetFileName(Request.Query["file"]));
        // ok: csharp-path-from-request
        var idx = System.IO.File.ReadAllText(Path.Combine(root, "index.html"));
        return Content(idx);
    }
}
