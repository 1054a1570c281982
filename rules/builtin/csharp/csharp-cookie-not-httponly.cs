using Microsoft.AspNetCore.Http;

class Cookies
{
    void Set(HttpResponse response, string token)
    {
        // ruleid: csharp-cookie-not-httponly
        response.Cookies.Append("auth", token, new CookieOptions { HttpOnly = false, Secure = true });
        // ok: csharp-cookie-not-httponly
        response.Cookies.Append("auth", token, new CookieOptions { HttpOnly = true, Secure = true });
        // ok: csharp-cookie-not-httponly
        response.Cookies.Append("theme", "dark");
    }
}
