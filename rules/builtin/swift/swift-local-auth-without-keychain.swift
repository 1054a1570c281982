import LocalAuthentication
import Security

func unlock(completion: @escaping (Bool) -> Void) {
    let context = LAContext()
    // ruleid: swift-local-auth-without-keychain
    context.evaluatePolicy(.deviceOwnerAuthenticationWithBiometrics, localizedReason: "Unlock") { ok, _ in completion(ok) }
    // ok: swift-local-auth-without-keychain
    let access = SecAccessControlCreateWithFlags(nil, kSecAttrAccessibleWhenUnlockedThisDeviceOnly, .biometryCurrentSet, nil)
    // ok: swift-local-auth-without-keychain
    let canUse = context.canEvaluatePolicy(.deviceOwnerAuthenticationWithBiometrics, error: nil)
    _ = (access, canUse)
}
