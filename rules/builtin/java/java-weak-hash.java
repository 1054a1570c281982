import java.security.MessageDigest;

class Digests {
    byte[] hash(byte[] data) throws Exception {
        // ruleid: java-weak-hash
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        // ruleid: java-weak-hash
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        // ruleid: java-weak-hash
        String hex = DigestUtils.md5Hex(data);
        // ok: java-weak-hash
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        // ok: java-weak-hash
        String good = DigestUtils.sha256Hex(data);
        // ok: java-weak-hash
        MessageDigest sha3 = MessageDigest.getInstance("SHA3-256");
        return sha256.digest(data);
    }
}
