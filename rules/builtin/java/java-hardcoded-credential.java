import java.sql.*;

class Config {
    // ruleid: java-hardcoded-credential
    private static final String DB_PASSWORD = "Pr0d-Passw0rd!";
    // ruleid: java-hardcoded-credential
    private String apiKey = "AKIA1234567890ABCD";
    // ok: java-hardcoded-credential
    private static final String PASSWORD_PARAM = "password";
    // ok: java-hardcoded-credential
    private String dbPassword = System.getenv("DB_PASSWORD");
    // ok: java-hardcoded-credential
    private String secret = "${app.secret}";

    Connection open(String url, String user) throws SQLException {
        // ruleid: java-hardcoded-credential
        Connection a = DriverManager.getConnection(url, "admin", "s3cret!");
        // ok: java-hardcoded-credential
        return DriverManager.getConnection(url, user, System.getenv("DB_PASSWORD"));
    }
}
