using System.Diagnostics;

class Tools
{
    void Run(string file)
    {
        // ruleid: csharp-process-shell-command
        Process.Start("cmd.exe", "/c type " + file);
        // ruleid: csharp-process-shell-command
        var psi = new ProcessStartInfo("/bin/sh") { Arguments = $"-c \"cat {file}\"" };
        // ruleid: csharp-process-shell-command
        Process.Start("bash", $"-c 'gzip {file}'");
        // ok: csharp-process-shell-command
        var good = new ProcessStartInfo("gzip") { ArgumentList = { "-k", file } };
        // ok: csharp-process-shell-command
        Process.Start("notepad.exe", file);
        // ok: csharp-process-shell-command
        Process.Start("cmd.exe", "/c dir");
        // ruleid: csharp-process-shell-command
        var ping = new ProcessStartInfo("cmd.exe", "/c ping " + file) { UseShellExecute = false };
        // ok: csharp-process-shell-command
        var git = new ProcessStartInfo("git", "status") { UseShellExecute = false };
    }
}
