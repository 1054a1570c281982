import CommonCrypto
import CryptoKit

func encrypt(_ data: Data, key: SymmetricKey) throws {
    // ruleid: swift-weak-cipher
    let alg = CCAlgorithm(kCCAlgorithmDES)
    // ruleid: swift-weak-cipher
    let options = CCOptions(kCCOptionPKCS7Padding | kCCOptionECBMode)
    // ok: swift-weak-cipher
    let aes = CCAlgorithm(kCCAlgorithmAES)
    // ok: swift-weak-cipher
    let sealed = try AES.GCM.seal(data, using: key)
    _ = (alg, options, aes, sealed)
}
