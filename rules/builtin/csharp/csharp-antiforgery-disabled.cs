using Microsoft.AspNetCore.Mvc;

class Account : Controller
{
    // ruleid: csharp-antiforgery-disabled
    [IgnoreAntiforgeryToken]
    // ok: csharp-antiforgery-disabled
    [HttpPost]
    IActionResult ChangeEmail(string email) => Ok();

    // ok: csharp-antiforgery-disabled
    [ValidateAntiForgeryToken]
    IActionResult ChangePassword(string pw) => Ok();

    void Map(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        // ruleid: csharp-antiforgery-disabled
        app.MapPost("/transfer", Transfer).DisableAntiforgery();
        // ok: csharp-antiforgery-disabled
        app.MapPost("/transfer2", Transfer);
    }
}
