class Audit {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Audit.class);
    void login(javax.servlet.http.HttpServletRequest request) {
        // ruleid: java-log-injection
        log.info("login attempt for " + request.getParameter("user"));
        // ruleid: java-log-injection
        log.warn("bad agent {}", request.getHeader("User-Agent"));
        // ok: java-log-injection
        log.info("login attempt for {}", request.getParameter("user").replaceAll("[\r\n]", "_"));
        // ok: java-log-injection
        log.warn("bad agent {}", Encode.forJava(request.getHeader("User-Agent")));
        // ok: java-log-injection
        log.info("login attempt");
    }
}
