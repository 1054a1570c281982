import SwiftUI

struct Session {
    // ruleid: swift-userdefaults-secret
    @AppStorage("authToken") var authToken = ""
    // ok: swift-userdefaults-secret
    @AppStorage("hasSeenOnboarding") var seen = false

    func save(token: String, password: String) {
        // ruleid: swift-userdefaults-secret
        UserDefaults.standard.set(token, forKey: "access_token")
        // ruleid: swift-userdefaults-secret
        UserDefaults.standard.set(password, forKey: "userPassword")
        // ok: swift-userdefaults-secret
        UserDefaults.standard.set(true, forKey: "hasSeenOnboarding")
        // ok: swift-userdefaults-secret
        SecItemAdd([kSecClass: kSecClassGenericPassword, kSecValueData: Data(token.utf8)] as CFDictionary, nil)
    }
}
