import javax.net.ssl.*;
import java.security.cert.X509Certificate;

class TrustAll implements X509TrustManager {
    // ruleid: java-trust-all-certificates
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}
    // ok: java-trust-all-certificates
    public void checkClientTrusted(X509Certificate[] chain, String authType) { delegate.checkClientTrusted(chain, authType); }
    public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }

    void build() throws Exception {
        // ruleid: java-trust-all-certificates
        SSLContext ctx = SSLContexts.custom().loadTrustMaterial(null, (chain, type) -> true).build();
        // ruleid: java-trust-all-certificates
        SslContext netty = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        // ok: java-trust-all-certificates
        SSLContext good = SSLContexts.custom().loadTrustMaterial(trustStore, null).build();
        // ok: java-trust-all-certificates
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    }
}
