import CryptoKit
import CommonCrypto

func digest(_ data: Data) -> String {
    // ruleid: swift-weak-hash
    let a = Insecure.MD5.hash(data: data)
    // ruleid: swift-weak-hash
    let b = Insecure.SHA1.hash(data: data)
    // ok: swift-weak-hash
    let c = SHA256.hash(data: data)
    // ok: swift-weak-hash
    let d = SHA512.hash(data: data)
    return "\(a)\(b)\(c)\(d)"
}
