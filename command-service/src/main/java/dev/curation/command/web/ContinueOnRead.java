package dev.curation.command.web;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat sends "100 Continue" only once the application reads the body (its default is at once).
 * A client that asks before sending a large body (curl does above 1 MB) then never sends one that
 * {@link BodyLimitFilter} refuses: it gets the 413 instead of a connection reset mid-upload.
 */
@Component
class ContinueOnRead implements TomcatConnectorCustomizer {

    @Override
    public void customize(Connector connector) {
        if (!connector.setProperty("continueResponseTiming", "onRead")) {
            throw new IllegalStateException("this Tomcat does not know continueResponseTiming");
        }
    }
}
