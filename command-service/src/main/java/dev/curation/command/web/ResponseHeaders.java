package dev.curation.command.web;

import dev.curation.service.SecurityHeaders;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every answer of the command service carries the same browser security headers as the query
 * service's ({@link SecurityHeaders}: no sniffing, framing or referrer, a policy that runs no
 * script), refusals before authentication included; Spring Security adds HSTS over TLS.
 */
@Configuration
class ResponseHeaders {

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
