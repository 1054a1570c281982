object Api {
    // ruleid: kotlin-cleartext-http-url
    const val BASE_URL = "http://api.example.com/v1/"
    // ruleid: kotlin-cleartext-http-url
    val retrofit = Retrofit.Builder().baseUrl("http://api.example.com/").build()
    // ok: kotlin-cleartext-http-url
    const val SECURE_URL = "https://api.example.com/v1/"
    // ok: kotlin-cleartext-http-url
    const val EMULATOR_URL = "http://10.0.2.2:8080/"
}
