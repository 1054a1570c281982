using System.Net;
using System.Net.Http;
using System.Net.Security;

class Clients
{
    HttpClient Make()
    {
        // ruleid: csharp-tls-validation-disabled
        ServicePointManager.ServerCertificateValidationCallback = (s, cert, chain, errors) => true;
        // ruleid: csharp-tls-validation-disabled
        var h1 = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        // ruleid: csharp-tls-validation-disabled
        var h2 = new HttpClientHandler { ServerCertificateCustomValidationCallback = (m, c, ch, e) => true };
        // ok: csharp-tls-validation-disabled
        var h3 = new HttpClientHandler { ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None };
        // ok: csharp-tls-validation-disabled
        var h4 = new HttpClientHandler();
        // ok: csharp-tls-validation-disabled
        var h5 = new HttpClientHandler { CheckCertificateRevocationList = true };
        return new HttpClient(h4);
    }
}
