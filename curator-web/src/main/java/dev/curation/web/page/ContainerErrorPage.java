package dev.curation.web.page;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The page Tomcat itself answers with when it refuses a request before the application sees it
 * (an address that is not valid UTF-8, holds a NUL or an encoded slash): the site's error page,
 * drawn once at start-up, instead of Tomcat's own report. It cannot know the reader, so it is in
 * English, without a signed-in person; everything else goes through {@link ErrorPages}.
 */
@Configuration
class ContainerErrorPage {

    @Bean
    TomcatContextCustomizer tomcatErrorPage(TemplateEngine templates, MessageSource messages) {
        Path file = write(templates, messages);
        return context -> context.addLifecycleListener(event -> {
            // the host's error report valve is in place once the host has started its contexts
            if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
                for (Valve valve : context.getParent().getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve report) {
                        report.setProperty("errorCode.0", file.toString());
                    }
                }
            }
        });
    }

    private static Path write(TemplateEngine templates, MessageSource messages) {
        Page page = new Page(messages.getMessage("error.badRequest", null, Locale.ENGLISH), Locale.ENGLISH, null, null, "/",
                messages);
        StringOutput html = new StringOutput();
        templates.render("error/refusal.jte", Map.of("page", page, "status", 400, "detail", page.t("error.badRequest.detail")),
                html);
        try {
            Path file = Files.createTempFile("curator-web-error-", ".html");
            file.toFile().deleteOnExit();
            Files.writeString(file, html.toString(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
