package dev.curation.query.list.web;

import dev.curation.query.config.QueryProperties;
import dev.curation.query.list.ProjectedVersions;
import dev.curation.query.web.BadRequestException;
import dev.curation.query.web.QueryParameters;
import dev.curation.service.ApiRefusals;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The consistency token on reads: {@code ?minVersion=N} or {@code Curation-Min-Version: N} makes a
 * read of a list wait, at most {@code curation.query.min-version-wait}, until the projection has
 * committed version N of it, then answer as usual; if it has not by then, the answer is 503 with
 * Retry-After. A client that sends the version its write answered never reads that write as missing.
 */
@Configuration
class MinVersionReads implements HandlerInterceptor, WebMvcConfigurer {

    static final String PARAMETER = "minVersion";
    static final String HEADER = "Curation-Min-Version";

    private final ProjectedVersions versions;
    private final Duration wait;

    MinVersionReads(ProjectedVersions versions, QueryProperties settings) {
        this.versions = versions;
        this.wait = settings.minVersionWait();
    }

    /** Every read of a list takes the token: declared in the API document as a query parameter and a header. */
    @Bean
    OpenApiCustomizer minVersionParameters() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/lists/{slug}") && item.getGet() != null) {
                Operation read = item.getGet();
                Schema<Number> version = ApiRefusals.integer();
                version.setFormat("int64");
                version.setMinimum(BigDecimal.ONE);
                String what = "a consistency token: answer only once this list has reached this version (the version "
                        + "a write answered), waiting up to a few seconds; 503 with Retry-After if it has not";
                read.addParametersItem(new QueryParameter().name(PARAMETER).required(false).description(what).schema(version));
                read.addParametersItem(new HeaderParameter().name(HEADER).required(false)
                        .description("the same as " + PARAMETER + ", as a header").schema(version));
                ApiRefusals.add(read.getResponses(), "400", "a parameter is not acceptable; the detail names which and why");
                ApiRefusals.add(read.getResponses(), "503", "not answered now: retry after Retry-After");
                ApiResponse unavailable = read.getResponses().get("503");
                unavailable.setDescription(unavailable.getDescription() + "; also when the list has not reached "
                        + PARAMETER + " within the wait (type not-yet-visible)");
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String parameter = request.getParameter(PARAMETER);
        String header = request.getHeader(HEADER);
        if (parameter == null && header == null) {
            return true;
        }
        long min = parameter != null ? parse(PARAMETER, parameter) : parse(HEADER, header);
        if (parameter != null && header != null && parse(HEADER, header) != min) {
            throw new BadRequestException(PARAMETER + " and " + HEADER + " name different versions; send one");
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String slug = path == null ? null : path.get("slug");
        if (slug == null) {
            throw new BadRequestException(PARAMETER + " names a version of one list: use it on /api/lists/{slug} "
                    + "and the paths below it");
        }
        long seen = versions.await(slug, min, wait);
        if (seen < min) {
            throw new NotYetVisible(slug, min, seen, wait);
        }
        return true;
    }

    private static long parse(String name, String value) {
        try {
            return QueryParameters.version(name, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a version number, 1 or more, not " + QueryParameters.echo(value));
        }
    }
}
