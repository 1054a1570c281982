class Security {
    void configure(HttpSecurity http) throws Exception {
        // ruleid: java-spring-permit-admin-path
        http.authorizeHttpRequests(a -> a.requestMatchers("/admin/**").permitAll());
        // ruleid: java-spring-permit-admin-path
        http.authorizeRequests().antMatchers("/api/internal/users", "/login").permitAll();
        // ok: java-spring-permit-admin-path
        http.authorizeHttpRequests(a -> a.requestMatchers("/admin/**").hasRole("ADMIN"));
        // ok: java-spring-permit-admin-path
        http.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health").permitAll());
        // ok: java-spring-permit-admin-path
        http.authorizeHttpRequests(a -> a.requestMatchers("/login", "/signup").permitAll());
    }
}
