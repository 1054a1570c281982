fun Application.cors() {
    install(CORS) {
        // ruleid: kotlin-ktor-cors-any-host
        anyHost()
        // ok: kotlin-ktor-cors-any-host
        allowHost("app.example.com", schemes = listOf("https"))
        // ok: kotlin-ktor-cors-any-host
        allowHeader(HttpHeaders.ContentType)
    }
}
