import android.webkit.WebSettings;
import android.webkit.WebView;

class Browser {
    void setup(WebView view) {
        WebSettings s = view.getSettings();
        // ruleid: java-webview-file-access
        s.setAllowUniversalAccessFromFileURLs(true);
        // ruleid: java-webview-file-access
        s.setAllowFileAccess(true);
        // ok: java-webview-file-access
        s.setAllowFileAccess(false);
        // ok: java-webview-file-access
        s.setJavaScriptEnabled(true);
    }
}
