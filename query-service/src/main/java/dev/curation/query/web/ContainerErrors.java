package dev.curation.query.web;

import dev.curation.service.Problems;
import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any servlet sees them ({@code %00} in the path, a request line or
 * headers too large) are answered by the host's error report valve, an HTML page by default:
 * this one writes problem+json instead, with the status and no details.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        // after Spring Boot's own customizer, which adds the HTML valve this one replaces
        factory.addContextCustomizers(context -> {
            Pipeline host = context.getParent().getPipeline();
            for (Valve valve : host.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.removeValve(valve);
                }
            }
            host.addValve(new ProblemReportValve());
            if (context.getParent() instanceof StandardHost standardHost) {
                // else the host, when it starts, adds Tomcat's own (HTML) valve beside this one
                standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            // as ErrorReportValve: only errors that nothing has answered yet, reported once
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatusCode status = HttpStatusCode.valueOf(code);
            String title = Problems.title(status);
            String detail = status.is5xxServerError() ? "the server failed to answer the request"
                    : "the request was refused before it reached the service: " + title;
            try {
                response.setContentType("application/problem+json");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    // only fixed ASCII text: nothing of the request is echoed here
                    writer.write("{\"type\":\"" + Problems.TYPE_PREFIX + Problems.kind(status) + "\",\"title\":\""
                            + title + "\",\"status\":" + code + ",\"detail\":\"" + detail + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response was committed: nothing more to say
            }
        }
    }
}
