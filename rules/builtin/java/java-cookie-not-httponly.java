import javax.servlet.http.Cookie;

class Cookies {
    void set(String token) {
        Cookie c = new Cookie("session", token);
        // ruleid: java-cookie-not-httponly
        c.setHttpOnly(false);
        // ruleid: java-cookie-not-httponly
        ResponseCookie rc = ResponseCookie.from("session", token).httpOnly(false).build();
        // ok: java-cookie-not-httponly
        c.setHttpOnly(true);
        // ok: java-cookie-not-httponly
        ResponseCookie good = ResponseCookie.from("session", token).httpOnly(true).secure(true).build();
    }
}
