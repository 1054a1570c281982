import okhttp3.OkHttpClient

fun client(): OkHttpClient {
    // ruleid: kotlin-hostname-verifier-disabled
    val bad = OkHttpClient.Builder().hostnameVerifier { _, _ -> true }.build()
    // ruleid: kotlin-hostname-verifier-disabled
    HttpsURLConnection.setDefaultHostnameVerifier(HostnameVerifier { _, _ -> true })
    // ok: kotlin-hostname-verifier-disabled
    val good = OkHttpClient.Builder().build()
    // ok: kotlin-hostname-verifier-disabled
    val pinned = OkHttpClient.Builder().hostnameVerifier { host, _ -> host == "api.example.com" }.build()
    return good
}
