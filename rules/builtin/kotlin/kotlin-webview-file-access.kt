import android.webkit.WebView

fun setup(view: WebView) {
    view.settings.apply {
        // ok: kotlin-webview-file-access
        javaScriptEnabled = true
        // ruleid: kotlin-webview-file-access
        allowFileAccess = true
        // ruleid: kotlin-webview-file-access
        allowUniversalAccessFromFileURLs = true
    }
    // ok: kotlin-webview-file-access
    view.settings.allowFileAccess = false
    // ok: kotlin-webview-file-access
    view.settings.allowContentAccess = false
}
