class Startup
{
    void Configure(Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions options)
    {
        // ruleid: csharp-cors-any-origin
        options.AddPolicy("open", p => p.AllowAnyOrigin().AllowAnyHeader());
        // ruleid: csharp-cors-any-origin
        options.AddPolicy("reflect", p => p.SetIsOriginAllowed(origin => true).AllowCredentials());
        // ok: csharp-cors-any-origin
        options.AddPolicy("app", p => p.WithOrigins("https://app.example.com").AllowAnyHeader());
        // ok: csharp-cors-any-origin
        options.AddPolicy("check", p => p.SetIsOriginAllowed(origin => origin.EndsWith(".example.com")));
    }
}
