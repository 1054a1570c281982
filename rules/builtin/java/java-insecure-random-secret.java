import java.security.SecureRandom;
import java.util.Random;

class Tokens {
    String make() {
        // ruleid: java-insecure-random-secret
        String token = Long.toHexString(new Random().nextLong());
        // ruleid: java-insecure-random-secret
        int resetCode = (int) (Math.random() * 1_000_000);
        // ruleid: java-insecure-random-secret
        String password = RandomStringUtils.randomAlphanumeric(12);
        byte[] bytes = new byte[32];
        // ok: java-insecure-random-secret
        SecureRandom tokenRng = new SecureRandom();
        // ok: java-insecure-random-secret
        tokenRng.nextBytes(bytes);
        // ok: java-insecure-random-secret
        int jitterMs = new Random().nextInt(100);
        return token + resetCode + password + jitterMs;
    }
}
