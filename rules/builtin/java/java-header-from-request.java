class Headers {
    void echo(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) {
        // ruleid: java-header-from-request
        response.setHeader("X-Request-Id", request.getHeader("X-Request-Id"));
        // ruleid: java-header-from-request
        response.addCookie(new Cookie("lang", request.getParameter("lang")));
        // ok: java-header-from-request
        response.setHeader("X-Request-Id", java.util.UUID.randomUUID().toString());
        // ok: java-header-from-request
        response.addCookie(new Cookie("lang", "en"));
    }
}
