package dev.curation.identity;

import dev.curation.service.ParentProcess;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The identity service: an OIDC issuer for the curation backend's accounts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

    public static void main(String[] args) {
        ParentProcess.exitWithIt();
        SpringApplication.run(IdentityApplication.class, args);
    }
}
