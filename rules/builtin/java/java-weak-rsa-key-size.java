import java.security.KeyPairGenerator;

class Keys {
    void make() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        // ruleid: java-weak-rsa-key-size
        gen.initialize(1024);
        // ruleid: java-weak-rsa-key-size
        gen.initialize(512, new java.security.SecureRandom());
        // ok: java-weak-rsa-key-size
        gen.initialize(2048);
        // ok: java-weak-rsa-key-size
        gen.initialize(3072, new java.security.SecureRandom());
    }
}
