import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

public class UserServlet extends HttpServlet {
    private Connection connection;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        try {
            Statement statement = connection.createStatement();
            // ruleid: java-sqli-taint
            ResultSet rows = statement.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
            // ok: java-sqli-taint
            ResultSet all = statement.executeQuery("SELECT * FROM users ORDER BY name");
            PreparedStatement prepared = connection.prepareStatement("SELECT * FROM users WHERE name = ?");
            prepared.setString(1, name);
            // ok: java-sqli-taint
            ResultSet safe = prepared.executeQuery();
            String sort = request.getHeader("X-Sort");
            // ruleid: java-sqli-taint
            PreparedStatement sorted = connection.prepareStatement("SELECT * FROM users ORDER BY " + sort);
            int id = Integer.parseInt(request.getParameter("id"));
            // ok: java-sqli-taint
            statement.executeUpdate("DELETE FROM sessions WHERE user_id = " + id);
        } catch (SQLException e) {
            response.sendError(500);
        }
    }
}

@RestController
class UserController {
    private final JdbcTemplate jdbc;

    UserController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/users")
    public List<Map<String, Object>> search(@RequestParam("q") String query) {
        String sql = String.format("SELECT * FROM users WHERE name LIKE '%%%s%%'", query);
        // ruleid: java-sqli-taint
        return jdbc.queryForList(sql);
    }

    @GetMapping("/users/safe")
    public List<Map<String, Object>> searchSafe(@RequestParam("q") String query) {
        // ok: java-sqli-taint
        return jdbc.queryForList("SELECT * FROM users WHERE name LIKE ?", "%" + query + "%");
    }

    @GetMapping("/users/{id}")
    public Map<String, Object> byId(@PathVariable long id, @PathVariable("team") String team) {
        // ok: java-sqli-taint
        Map<String, Object> user = jdbc.queryForMap("SELECT * FROM users WHERE id = " + id);
        // ruleid: java-sqli-taint
        jdbc.update("UPDATE users SET team = '" + team + "' WHERE id = " + id);
        return user;
    }
}
