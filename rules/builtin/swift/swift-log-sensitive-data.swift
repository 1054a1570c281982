import os

let logger = Logger(subsystem: "app", category: "auth")

func login(user: String, password: String, accessToken: String) {
    // ruleid: swift-log-sensitive-data
    print("login \(user) with \(password)")
    // ruleid: swift-log-sensitive-data
    logger.debug("token=\(accessToken)")
    // ok: swift-log-sensitive-data
    print("login \(user)")
    // ok: swift-log-sensitive-data
    logger.debug("token=\(accessToken, privacy: .private)")
}
