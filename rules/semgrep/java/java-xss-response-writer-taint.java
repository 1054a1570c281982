import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;
import org.springframework.web.util.HtmlUtils;

public class GreetServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.setContentType("text/html");
        // ruleid: java-xss-response-writer-taint
        response.getWriter().println("<h1>Hello " + name + "</h1>");
        // ok: java-xss-response-writer-taint
        response.getWriter().println("<h1>Hello " + Encode.forHtml(name) + "</h1>");
        PrintWriter out = response.getWriter();
        String ref = request.getHeader("Referer");
        // ruleid: java-xss-response-writer-taint
        out.write("<a href='" + ref + "'>back</a>");
        // ok: java-xss-response-writer-taint
        out.write("<a href='" + HtmlUtils.htmlEscape(ref) + "'>back</a>");
        // ok: java-xss-response-writer-taint
        out.write("<p>Welcome</p>");
        // ruleid: java-xss-response-writer-taint
        out.printf("<p>Searched for %s</p>", request.getParameter("q"));
        // ok: java-xss-response-writer-taint
        out.printf("<p>Page %d</p>", Integer.parseInt(request.getParameter("page")));
    }
}
