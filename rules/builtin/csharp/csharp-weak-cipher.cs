using System.Security.Cryptography;

class Ciphers
{
    void Make(byte[] key)
    {
        // ruleid: csharp-weak-cipher
        using var des = DES.Create();
        // ruleid: csharp-weak-cipher
        using var tdes = TripleDES.Create();
        using var aes = Aes.Create();
        // ruleid: csharp-weak-cipher
        aes.Mode = CipherMode.ECB;
        // ok: csharp-weak-cipher
        aes.Mode = CipherMode.CBC;
        // ok: csharp-weak-cipher
        using var gcm = new AesGcm(key, 16);
        // ok: csharp-weak-cipher
        using var aes2 = Aes.Create();
    }
}
