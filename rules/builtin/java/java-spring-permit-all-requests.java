class Security {
    void configure(HttpSecurity http) throws Exception {
        // ruleid: java-spring-permit-all-requests
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        // ruleid: java-spring-permit-all-requests
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/**").permitAll());
        // ok: java-spring-permit-all-requests
        http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        // ok: java-spring-permit-all-requests
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/public/**").permitAll());
        // ok: java-spring-permit-all-requests
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/admin/**").hasRole("ADMIN"));
    }
}
