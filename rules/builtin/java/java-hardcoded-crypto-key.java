import javax.crypto.spec.SecretKeySpec;

class Keys2 {
    void make(byte[] keyBytes) {
        // ruleid: java-hardcoded-crypto-key
        SecretKeySpec k = new SecretKeySpec("0123456789abcdef".getBytes(), "AES");
        // ruleid: java-hardcoded-crypto-key
        Algorithm alg = Algorithm.HMAC256("my-jwt-secret");
        // ok: java-hardcoded-crypto-key
        SecretKeySpec good = new SecretKeySpec(keyBytes, "AES");
        // ok: java-hardcoded-crypto-key
        Algorithm fromEnv = Algorithm.HMAC256(System.getenv("JWT_SECRET"));
    }
}
