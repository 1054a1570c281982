import java.io.IOException;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

public class PingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        // ruleid: java-command-injection-taint
        Process ping = Runtime.getRuntime().exec("ping -c 1 " + host);
        // ok: java-command-injection-taint
        Process safe = new ProcessBuilder("ping", "-c", "1", host).start();
        // ruleid: java-command-injection-taint
        Process viaShell = new ProcessBuilder("sh", "-c", "nslookup " + host).start();
        // ok: java-command-injection-taint
        Process fixed = new ProcessBuilder("sh", "-c", "uptime").start();
        // ruleid: java-command-injection-taint
        Runtime.getRuntime().exec(new String[]{"/bin/bash", "-c", "dig " + host});
        // ok: java-command-injection-taint
        Runtime.getRuntime().exec(new String[]{"dig", host});
        response.getWriter().println(ping.exitValue() + safe.exitValue() + viaShell.exitValue() + fixed.exitValue());
    }
}

@RestController
class ToolController {
    @GetMapping("/convert")
    public String convert(@RequestParam("tool") String tool, @RequestParam("file") String file) throws IOException {
        // ruleid: java-command-injection-taint
        new ProcessBuilder(tool, "--version").start();
        // ok: java-command-injection-taint
        new ProcessBuilder("convert", file, "out.png").start();
        ProcessBuilder builder = new ProcessBuilder();
        // ruleid: java-command-injection-taint
        builder.command("cmd.exe", "/c", "type " + file);
        // ok: java-command-injection-taint
        builder.command(List.of("type", file));
        return "ok";
    }
}
