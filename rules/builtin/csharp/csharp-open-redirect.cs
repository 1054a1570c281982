using Microsoft.AspNetCore.Mvc;

class Login : Controller
{
    IActionResult Done(string returnUrl)
    {
        // todoruleid: csharp-open-redirect
        if (returnUrl != null) return Redirect(returnUrl);
        // ruleid: csharp-open-redirect
        return Redirect(Request.Query["returnUrl"]);
        // ruleid: csharp-open-redirect
        Response.Redirect(Request.Query["next"]);
        // ok: csharp-open-redirect
        if (Url.IsLocalUrl(returnUrl)) return Redirect(returnUrl);
        // ok: csharp-open-redirect
        return LocalRedirect(returnUrl);
    }
    // ok: csharp-open-redirect
    IActionResult Home() => RedirectToAction("Index");
}
