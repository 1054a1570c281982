import Security

func store(_ secret: Data) {
    // ruleid: swift-keychain-accessible-always
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrAccessible as String: kSecAttrAccessibleAlways, kSecValueData as String: secret]
    // ok: swift-keychain-accessible-always
    let good: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrAccessible as String: kSecAttrAccessibleWhenUnlockedThisDeviceOnly, kSecValueData as String: secret]
    // ok: swift-keychain-accessible-always
    SecItemAdd(good as CFDictionary, nil)
    _ = query
}
