import org.springframework.web.bind.annotation.*;

// ruleid: java-cors-any-origin
@CrossOrigin
// ok: java-cors-any-origin
@RestController
class Api {
    // ruleid: java-cors-any-origin
    @CrossOrigin(origins = "*")
    // ok: java-cors-any-origin
    @GetMapping("/items")
    String items() { return "[]"; }

    // ok: java-cors-any-origin
    @CrossOrigin(origins = "https://app.example.com")
    String other() { return "{}"; }

    void configure(CorsRegistry registry, javax.servlet.http.HttpServletResponse response) {
        // ruleid: java-cors-any-origin
        registry.addMapping("/**").allowedOrigins("*");
        // ruleid: java-cors-any-origin
        response.setHeader("Access-Control-Allow-Origin", "*");
        // ok: java-cors-any-origin
        registry.addMapping("/api/**").allowedOrigins("https://app.example.com");
        // ok: java-cors-any-origin
        response.setHeader("Access-Control-Allow-Origin", "https://app.example.com");
    }
}
