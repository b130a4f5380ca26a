package dev.curation.query;

import dev.curation.service.ParentProcess;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryServiceApplication {

    public static void main(String[] args) {
        ParentProcess.exitWithIt();
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
