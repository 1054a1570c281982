import Foundation

// Writes the Info.plist fragment used by the test host app.
let atsPlist = """
<key>NSAppTransportSecurity</key>
<dict>
    <!-- ruleid: swift-ats-arbitrary-loads -->
    <key>NSAllowsArbitraryLoads</key>
    <true/>
    <!-- ok: swift-ats-arbitrary-loads -->
    <key>NSAllowsLocalNetworking</key>
    <!-- ok: swift-ats-arbitrary-loads -->
    <key>NSAllowsArbitraryLoads</key><false/>
    <!-- ruleid: swift-ats-arbitrary-loads -->
    <key>NSAllowsArbitraryLoadsInWebContent</key><true/>
</dict>
"""

// ruleid: swift-ats-arbitrary-loads
let ats: [String: Any] = ["NSAllowsArbitraryLoads": true]
// ok: swift-ats-arbitrary-loads
let strict: [String: Any] = ["NSAllowsArbitraryLoads": false]
