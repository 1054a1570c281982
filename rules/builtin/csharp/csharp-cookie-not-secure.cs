using Microsoft.AspNetCore.Http;

class Cookies
{
    void Set(HttpResponse response, string token, CookieAuthenticationOptions o)
    {
        // ruleid: csharp-cookie-not-secure
        response.Cookies.Append("session", token, new CookieOptions { HttpOnly = true, Secure = false });
        // ruleid: csharp-cookie-not-secure
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // ok: csharp-cookie-not-secure
        response.Cookies.Append("session", token, new CookieOptions { HttpOnly = true, Secure = true });
        // ok: csharp-cookie-not-secure
        o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
    }
}
