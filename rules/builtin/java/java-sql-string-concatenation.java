import java.sql.*;

class UserDao {
    ResultSet find(Connection conn, String name, int id) throws SQLException {
        Statement st = conn.createStatement();
        // ruleid: java-sql-string-concatenation
        ResultSet rs = st.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
        // ruleid: java-sql-string-concatenation
        String sql = "DELETE FROM sessions WHERE user_id = " + id;
        // ruleid: java-sql-string-concatenation
        st.execute(String.format("UPDATE users SET name = '%s' WHERE id = 1", name));
        // ok: java-sql-string-concatenation
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
        // ok: java-sql-string-concatenation
        ps.setString(1, name);
        // ok: java-sql-string-concatenation
        String jpql = "SELECT u FROM User u WHERE u.name = :name";
        // ok: java-sql-string-concatenation
        String label = "Selected: " + name;
        // ok: java-sql-string-concatenation
        String note = "Update " + name + " failed, delete it and retry";
        return ps.executeQuery();
    }
}
