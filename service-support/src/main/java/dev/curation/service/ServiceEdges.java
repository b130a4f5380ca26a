package dev.curation.service;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What both services' security configurations stand on, declared once: who may run operations
 * ({@link OperationsAccess}), the address their links start with ({@link PublicBaseUrl}), and the
 * proxies whose forwarded headers are believed ({@link TrustedProxies}). Each service imports it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperationsProperties.class)
public class ServiceEdges {

    @Bean
    OperationsAccess operationsAccess(OperationsProperties operations) {
        return new OperationsAccess(operations.token());
    }

    @Bean
    PublicBaseUrl publicBaseUrl(Environment environment) {
        return new PublicBaseUrl(environment);
    }

    @Bean
    static TrustedProxies trustedProxies(Environment environment) {
        return new TrustedProxies(environment);
    }
}
