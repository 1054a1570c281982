enum Config {
    // ruleid: swift-hardcoded-credential
    static let apiKey = "sk_live_51HxQ2fA9"
    // ruleid: swift-hardcoded-credential
    static let adminPassword: String = "Winter2024!"
    // ok: swift-hardcoded-credential
    static let apiKeyHeader = "X-Api-Key"
    // ok: swift-hardcoded-credential
    static let passwordPlaceholder = "Enter password"
    // ok: swift-hardcoded-credential
    static let token = ProcessInfo.processInfo.environment["API_TOKEN"]
}
