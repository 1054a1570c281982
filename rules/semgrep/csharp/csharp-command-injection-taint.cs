using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

public class ToolsController : ControllerBase
{
    [HttpGet("ping")]
    public IActionResult Ping(string host)
    {
        // ruleid: csharp-command-injection-taint
        var shell = Process.Start("cmd.exe", "/c ping -n 1 " + host);
        var info = new ProcessStartInfo("ping");
        info.ArgumentList.Add("-n");
        info.ArgumentList.Add("1");
        // ok: csharp-command-injection-taint
        info.ArgumentList.Add(host);
        // ok: csharp-command-injection-taint
        var safe = Process.Start(info);
        return Ok(shell.Id + safe.Id);
    }

    public IActionResult Run()
    {
        string tool = Request.Query["tool"];
        // ruleid: csharp-command-injection-taint
        var started = Process.Start(tool);
        var psi = new ProcessStartInfo();
        // ok: csharp-command-injection-taint
        psi.FileName = "/usr/bin/convert";
        // ruleid: csharp-command-injection-taint
        psi.Arguments = "-resize 50% " + Request.Form["file"];
        // ok: csharp-command-injection-taint
        psi.Arguments = "-version";
        return Ok(started.Id);
    }
}
