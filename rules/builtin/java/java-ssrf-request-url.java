import java.net.*;

class Proxy {
    String fetch(javax.servlet.http.HttpServletRequest request, RestTemplate rest) throws Exception {
        // ruleid: java-ssrf-request-url
        URL url = new URL(request.getParameter("url"));
        // ruleid: java-ssrf-request-url
        String body = rest.getForObject(request.getParameter("feed"), String.class);
        // ok: java-ssrf-request-url
        URL fixed = new URL("https://api.example.com/status");
        // ok: java-ssrf-request-url
        String item = rest.getForObject("https://api.example.com/items/{id}", String.class, request.getParameter("id"));
        return body;
    }
}
