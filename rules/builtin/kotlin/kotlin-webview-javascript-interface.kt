fun bridge(view: android.webkit.WebView, api: Any) {
    // ruleid: kotlin-webview-javascript-interface
    view.addJavascriptInterface(api, "Android")
    // ok: kotlin-webview-javascript-interface
    view.removeJavascriptInterface("Android")
    // ok: kotlin-webview-javascript-interface
    view.evaluateJavascript("init()", null)
}
