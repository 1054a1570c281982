using Microsoft.IdentityModel.Tokens;

class Auth
{
    TokenValidationParameters Make(SecurityKey key)
    {
        return new TokenValidationParameters
        {
            // ruleid: csharp-jwt-validation-disabled
            ValidateIssuerSigningKey = false,
            // ruleid: csharp-jwt-validation-disabled
            ValidateLifetime = false,
            // ruleid: csharp-jwt-validation-disabled
            RequireSignedTokens = false,
            // ok: csharp-jwt-validation-disabled
            ValidateIssuer = true,
            // ok: csharp-jwt-validation-disabled
            IssuerSigningKey = key,
            // ok: csharp-jwt-validation-disabled
            ClockSkew = System.TimeSpan.FromMinutes(1),
        };
    }
}
