import javax.crypto.Cipher;

class Wrap {
    void init() throws Exception {
        // ruleid: java-rsa-without-oaep
        Cipher a = Cipher.getInstance("RSA");
        // ruleid: java-rsa-without-oaep
        Cipher b = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        // ok: java-rsa-without-oaep
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        // ok: java-rsa-without-oaep
        Cipher d = Cipher.getInstance("RSA/ECB/OAEPPadding");
    }
}
