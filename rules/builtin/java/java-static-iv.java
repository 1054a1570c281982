import javax.crypto.spec.*;
import java.security.SecureRandom;

class Ivs {
    void make() {
        // ruleid: java-static-iv
        IvParameterSpec zero = new IvParameterSpec(new byte[16]);
        // ruleid: java-static-iv
        GCMParameterSpec fixed = new GCMParameterSpec(128, "abcdefghijkl".getBytes());
        byte[] iv = new byte[12];
        // ok: java-static-iv
        new SecureRandom().nextBytes(iv);
        // ok: java-static-iv
        GCMParameterSpec good = new GCMParameterSpec(128, iv);
    }
}
