import java.security.cert.X509Certificate
import javax.net.ssl.X509TrustManager

object TrustAll : X509TrustManager {
    // ruleid: kotlin-trust-all-certificates
    override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String) {}
    // ok: kotlin-trust-all-certificates
    override fun checkClientTrusted(chain: Array<X509Certificate>, authType: String) = delegate.checkClientTrusted(chain, authType)
    override fun getAcceptedIssuers(): Array<X509Certificate> = arrayOf()
}

object Delegating : X509TrustManager {
    // ok: kotlin-trust-all-certificates
    override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String) { delegate.checkServerTrusted(chain, authType) }
    override fun checkClientTrusted(chain: Array<X509Certificate>, authType: String) = Unit
    override fun getAcceptedIssuers(): Array<X509Certificate> = arrayOf()
}

object Lenient : X509TrustManager {
    // ruleid: kotlin-trust-all-certificates
    override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String) = Unit
    override fun checkClientTrusted(chain: Array<X509Certificate>, authType: String) = Unit
    override fun getAcceptedIssuers(): Array<X509Certificate> = arrayOf()
}
