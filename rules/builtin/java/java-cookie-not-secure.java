import javax.servlet.http.Cookie;

class Cookies {
    void set(javax.servlet.http.HttpServletResponse response, String token) {
        Cookie c = new Cookie("session", token);
        // ruleid: java-cookie-not-secure
        c.setSecure(false);
        // ruleid: java-cookie-not-secure
        ResponseCookie rc = ResponseCookie.from("session", token).httpOnly(true).secure(false).build();
        // ok: java-cookie-not-secure
        c.setSecure(true);
        // ok: java-cookie-not-secure
        ResponseCookie good = ResponseCookie.from("session", token).httpOnly(true).secure(true).build();
        response.addCookie(c);
    }
}
