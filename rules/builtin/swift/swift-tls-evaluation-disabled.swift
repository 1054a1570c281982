import Alamofire

func session() -> Session {
    // ruleid: swift-tls-evaluation-disabled
    let manager = ServerTrustManager(evaluators: ["api.example.com": DisabledTrustEvaluator()])
    // ruleid: swift-tls-evaluation-disabled
    policy.allowInvalidCertificates = true
    // ok: swift-tls-evaluation-disabled
    let pinned = ServerTrustManager(evaluators: ["api.example.com": PublicKeysTrustEvaluator()])
    // ok: swift-tls-evaluation-disabled
    let defaults = ServerTrustManager(evaluators: ["api.example.com": DefaultTrustEvaluator()])
    return Session(serverTrustManager: pinned)
}
