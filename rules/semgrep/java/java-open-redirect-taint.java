import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

public class LoginServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        // ruleid: java-open-redirect-taint
        response.sendRedirect(next);
        // ok: java-open-redirect-taint
        response.sendRedirect("/home");
        // ok: java-open-redirect-taint
        response.sendRedirect("/" + next);
    }
}

@Controller
class AuthController {
    @GetMapping("/after-login")
    public String afterLogin(@RequestParam("returnTo") String returnTo) {
        // ruleid: java-open-redirect-taint
        return "redirect:" + returnTo;
    }

    @GetMapping("/after-logout")
    public String afterLogout(@RequestParam("page") String page) {
        // ok: java-open-redirect-taint
        return "redirect:/" + page;
    }

    @GetMapping("/out")
    public RedirectView out(@RequestParam("url") String url) {
        // ruleid: java-open-redirect-taint
        return new RedirectView(url);
    }

    @GetMapping("/home")
    public RedirectView home() {
        // ok: java-open-redirect-taint
        return new RedirectView("/dashboard");
    }
}
