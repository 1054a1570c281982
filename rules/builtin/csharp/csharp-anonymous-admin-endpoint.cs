class Endpoints
{
    void Map(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        // ruleid: csharp-anonymous-admin-endpoint
        app.MapDelete("/admin/users/{id}", (int id, Db db) => db.Delete(id)).AllowAnonymous();
        // ruleid: csharp-anonymous-admin-endpoint
        app.MapPost("/api/users/{id}/role", SetRole).AllowAnonymous();
        // ok: csharp-anonymous-admin-endpoint
        app.MapDelete("/admin/users/{id}", (int id, Db db) => db.Delete(id)).RequireAuthorization("Admin");
        // ok: csharp-anonymous-admin-endpoint
        app.MapGet("/health", () => "ok").AllowAnonymous();
    }
}
