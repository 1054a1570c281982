class Settings
{
    // ruleid: csharp-hardcoded-credential
    const string ApiKey = "sk_live_51HxQ2fA9";
    // ruleid: csharp-hardcoded-credential
    string conn = "Server=db;Database=app;User Id=sa;Password=P@ssw0rd1;";
    // ok: csharp-hardcoded-credential
    string conn2 = "Server=db;Database=app;User Id=app;Password={0};";
    // ok: csharp-hardcoded-credential
    string apiKey = System.Environment.GetEnvironmentVariable("API_KEY");
    // ok: csharp-hardcoded-credential
    const string PasswordClaim = "password_changed";
}
