using Microsoft.AspNetCore.Mvc;

public class AccountController : Controller
{
    [HttpPost]
    public IActionResult Login(string returnUrl)
    {
        // ruleid: csharp-open-redirect-taint
        return Redirect(returnUrl);
    }

    [HttpPost]
    public IActionResult LoginLocal(string returnUrl)
    {
        // ok: csharp-open-redirect-taint
        return LocalRedirect(returnUrl);
    }

    [HttpPost]
    public IActionResult LoginChecked(string returnUrl)
    {
        if (Url.IsLocalUrl(returnUrl))
        {
            // ok: csharp-open-redirect-taint
            return Redirect(returnUrl);
        }
        // ok: csharp-open-redirect-taint
        return Redirect("/");
    }

    public IActionResult Logout()
    {
        string next = Request.Query["next"];
        // ruleid: csharp-open-redirect-taint
        Response.Redirect(next);
        return new EmptyResult();
    }
}
