using System.IO;
using Microsoft.AspNetCore.Mvc;

public class FilesController : Controller
{
    private const string BaseDir = "/srv/files";

    public IActionResult Download(string name)
    {
        // ruleid: csharp-path-traversal-taint
        var bytes = System.IO.File.ReadAllBytes(Path.Combine(BaseDir, name));
        // ok: csharp-path-traversal-taint
        var safe = System.IO.File.ReadAllBytes(Path.Combine(BaseDir, Path.GetFileName(name)));
        return File(bytes.Length > 0 ? bytes : safe, "application/octet-stream");
    }

    [HttpDelete("files")]
    public IActionResult Remove()
    {
        string target = Request.Query["path"];
        // ruleid: csharp-path-traversal-taint
        System.IO.File.Delete(target);
        // ok: csharp-path-traversal-taint
        System.IO.File.Delete(Path.Combine(BaseDir, "latest.tmp"));
        // ruleid: csharp-path-traversal-taint
        using var stream = new FileStream(BaseDir + "/" + Request.Form["log"], FileMode.Open);
        // ok: csharp-path-traversal-taint
        using var log = new FileStream(Path.Combine(BaseDir, "app.log"), FileMode.Open);
        return NoContent();
    }
}
