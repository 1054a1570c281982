import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

public class DownloadServlet extends HttpServlet {
    private static final String BASE = "/srv/files";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("file");
        // ruleid: java-path-traversal-taint
        FileInputStream in = new FileInputStream(BASE + "/" + name);
        // ok: java-path-traversal-taint
        FileInputStream safe = new FileInputStream(BASE + "/" + FilenameUtils.getName(name));
        // ruleid: java-path-traversal-taint
        File target = new File(BASE, name);
        // ok: java-path-traversal-taint
        File index = new File(BASE, "index.html");
        in.transferTo(response.getOutputStream());
        safe.close();
        target.delete();
        index.exists();
    }
}

@RestController
class ReportController {
    private static final Path REPORTS = Paths.get("/srv/reports");

    @GetMapping("/reports/{name}")
    public byte[] report(@PathVariable("name") String name) throws IOException {
        // ruleid: java-path-traversal-taint
        byte[] body = Files.readAllBytes(REPORTS.resolve(name));
        // ok: java-path-traversal-taint
        byte[] safe = Files.readAllBytes(REPORTS.resolve(Paths.get(name).getFileName()));
        // ruleid: java-path-traversal-taint
        Files.deleteIfExists(Paths.get("/tmp/uploads", name));
        // ok: java-path-traversal-taint
        Files.deleteIfExists(Paths.get("/tmp/uploads", "latest.tmp"));
        return body.length > 0 ? body : safe;
    }
}
