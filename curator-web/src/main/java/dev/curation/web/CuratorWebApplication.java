package dev.curation.web;

import dev.curation.service.ParentProcess;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The curator web app (see the package comment). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CuratorWebApplication {

    public static void main(String[] args) {
        ParentProcess.exitWithIt();
        SpringApplication.run(CuratorWebApplication.class, args);
    }
}
