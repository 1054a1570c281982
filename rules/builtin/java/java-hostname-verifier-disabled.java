import javax.net.ssl.*;

class Http {
    void setup(HttpsURLConnection conn) {
        // ruleid: java-hostname-verifier-disabled
        conn.setHostnameVerifier((host, session) -> true);
        // ruleid: java-hostname-verifier-disabled
        HttpClients.custom().setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE).build();
        // ok: java-hostname-verifier-disabled
        conn.setHostnameVerifier(HttpsURLConnection.getDefaultHostnameVerifier());
        // ok: java-hostname-verifier-disabled
        HttpClients.custom().setSSLHostnameVerifier(new DefaultHostnameVerifier()).build();
    }
    static class Any implements HostnameVerifier {
        // ruleid: java-hostname-verifier-disabled
        public boolean verify(String hostname, SSLSession session) { return true; }
    }
    static class Pinned implements HostnameVerifier {
        // ok: java-hostname-verifier-disabled
        public boolean verify(String hostname, SSLSession session) { return "api.example.com".equals(hostname); }
    }
}
