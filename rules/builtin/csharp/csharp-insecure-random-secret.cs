using System;
using System.Security.Cryptography;

class Codes
{
    static readonly Random random = new Random();
    string Make()
    {
        // ruleid: csharp-insecure-random-secret
        var resetCode = random.Next(100000, 999999).ToString();
        // ruleid: csharp-insecure-random-secret
        var token = Convert.ToBase64String(BitConverter.GetBytes(Random.Shared.NextInt64()));
        // ruleid: csharp-insecure-random-secret
        var salt = new byte[16]; new Random().NextBytes(salt);
        var saltText = Convert.ToBase64String(salt);
        // ok: csharp-insecure-random-secret
        var goodToken = RandomNumberGenerator.GetHexString(32);
        // ok: csharp-insecure-random-secret
        RandomNumberGenerator.Fill(salt);
        // ok: csharp-insecure-random-secret
        var delayMs = random.Next(50, 200);
        // ok: csharp-insecure-random-secret
        var otp = RandomNumberGenerator.GetInt32(0, 1_000_000);
        // ruleid: csharp-insecure-random-secret
        var code = new string(Enumerable.Range(0, 12).Select(_ => Chars[random.Next(Chars.Length)]).ToArray());
        // ok: csharp-insecure-random-secret
        var safeCode = new string(Enumerable.Range(0, 12).Select(_ => Chars[RandomNumberGenerator.GetInt32(Chars.Length)]).ToArray());
        return resetCode + token + saltText + goodToken + delayMs + otp + code + safeCode;
    }
}
