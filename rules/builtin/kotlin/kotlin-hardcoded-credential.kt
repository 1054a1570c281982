object Keys {
    // ruleid: kotlin-hardcoded-credential
    const val API_KEY = "sk_live_51HxQ2fA9"
    // ruleid: kotlin-hardcoded-credential
    private val dbPassword: String = "Winter2024!"
    // ok: kotlin-hardcoded-credential
    const val API_KEY_HEADER = "X-Api-Key"
    // ok: kotlin-hardcoded-credential
    val apiKey = BuildConfig.API_KEY
    // ok: kotlin-hardcoded-credential
    val password = System.getenv("DB_PASSWORD")
}
