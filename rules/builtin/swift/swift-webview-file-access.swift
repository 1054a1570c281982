import WebKit

func configure(_ webView: WKWebView, page: URL) {
    // ruleid: swift-webview-file-access
    webView.configuration.preferences.setValue(true, forKey: "allowFileAccessFromFileURLs")
    // ruleid: swift-webview-file-access
    webView.loadFileURL(page, allowingReadAccessTo: URL(fileURLWithPath: "/"))
    // ok: swift-webview-file-access
    webView.configuration.preferences.setValue(false, forKey: "allowFileAccessFromFileURLs")
    // ok: swift-webview-file-access
    webView.loadFileURL(page, allowingReadAccessTo: page.deletingLastPathComponent())
}
