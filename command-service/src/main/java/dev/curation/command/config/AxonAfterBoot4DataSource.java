package dev.curation.command.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Axon 4.13 orders its auto-configuration after Boot 3's DataSource classes, which moved in
 * Boot 4; without this hint Axon's JDBC configuration runs before a DataSource exists, backs off
 * silently and a no-op transaction manager is used. This empty auto-configuration sits between
 * Boot 4's DataSource, transaction manager and Flyway configurations and Axon's.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration",
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
public class AxonAfterBoot4DataSource {
}
