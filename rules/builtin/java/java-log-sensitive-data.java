class Auth {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Auth.class);
    void login(String user, String password, String accessToken) {
        // ruleid: java-log-sensitive-data
        log.debug("login " + user + " with password " + password);
        // ruleid: java-log-sensitive-data
        log.info("issued token {}", accessToken);
        // ok: java-log-sensitive-data
        log.info("password changed for {}", user);
        // ok: java-log-sensitive-data
        log.info("issued token for {}", user);
    }
}
