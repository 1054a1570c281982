import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

public class PreviewServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = request.getParameter("url");
        // ruleid: java-ssrf-taint
        HttpURLConnection conn = (HttpURLConnection) new URL(target).openConnection();
        String user = request.getParameter("user");
        // ok: java-ssrf-taint
        InputStream avatar = new URL("https://avatars.example.com/" + user).openStream();
        // ok: java-ssrf-taint
        InputStream status = new URL("https://status.example.com/health").openStream();
        response.getWriter().println(conn.getResponseCode() + avatar.read() + status.read());
    }
}

@RestController
class ProxyController {
    private final RestTemplate rest = new RestTemplate();

    @GetMapping("/proxy")
    public String proxy(@RequestParam("url") String url) {
        // ruleid: java-ssrf-taint
        return rest.getForObject(url, String.class);
    }

    @GetMapping("/weather")
    public String weather(@RequestParam("city") String city) {
        // ok: java-ssrf-taint
        return rest.getForObject("https://api.weather.example.com/v1/" + city, String.class);
    }
}
