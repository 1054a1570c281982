using System.IO;
using Microsoft.AspNetCore.Http;

class Uploads
{
    async System.Threading.Tasks.Task Save(IFormFile file, string dir)
    {
        // ruleid: csharp-upload-client-filename
        var path = Path.Combine(dir, file.FileName);
        // ruleid: csharp-upload-client-filename
        using var fs = new FileStream(Path.Combine(dir, Path.GetFileName(file.FileName)), FileMode.Create);
        // ok: csharp-upload-client-filename
        var safe = Path.Combine(dir, Path.GetRandomFileName());
        // ok: csharp-upload-client-filename
        var display = file.FileName;
        // ok: csharp-upload-client-filename
        using var out2 = new FileStream(safe, FileMode.CreateNew);
        await file.CopyToAsync(out2);
    }
}
