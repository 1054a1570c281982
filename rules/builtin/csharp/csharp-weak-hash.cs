using System.Security.Cryptography;

class Hashes
{
    byte[] Hash(byte[] data)
    {
        // ruleid: csharp-weak-hash
        using var md5 = MD5.Create();
        // ruleid: csharp-weak-hash
        var digest = SHA1.HashData(data);
        // ruleid: csharp-weak-hash
        var legacy = new SHA1CryptoServiceProvider();
        // ok: csharp-weak-hash
        using var sha = SHA256.Create();
        // ok: csharp-weak-hash
        var good = SHA256.HashData(data);
        // ok: csharp-weak-hash
        var hmac = new HMACSHA256(data);
        return good;
    }
}
