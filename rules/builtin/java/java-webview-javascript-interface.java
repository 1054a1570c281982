class Bridge {
    void setup(android.webkit.WebView view, Object api) {
        // ruleid: java-webview-javascript-interface
        view.addJavascriptInterface(api, "Android");
        // ok: java-webview-javascript-interface
        view.removeJavascriptInterface("Android");
        // ok: java-webview-javascript-interface
        view.evaluateJavascript("init()", null);
    }
}
