import org.springframework.security.config.annotation.web.builders.HttpSecurity;

class Security {
    void configure(HttpSecurity http) throws Exception {
        // ruleid: java-spring-csrf-disabled
        http.csrf().disable();
        // ruleid: java-spring-csrf-disabled
        http.csrf(csrf -> csrf.disable());
        // ruleid: java-spring-csrf-disabled
        http.csrf(AbstractHttpConfigurer::disable);
        // ok: java-spring-csrf-disabled
        http.csrf(Customizer.withDefaults());
        // ok: java-spring-csrf-disabled
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/stripe"));
        // ok: java-spring-csrf-disabled
        http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()));
    }
}
