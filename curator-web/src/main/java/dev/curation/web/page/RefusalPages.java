package dev.curation.web.page;

import dev.curation.web.api.ApiRefusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A refusal a page did not handle itself (a list that does not exist, a service that is away)
 * becomes a page in the reader's language with the API's own words, at the API's status.
 */
@ControllerAdvice
class RefusalPages {

    private final Pages pages;

    RefusalPages(Pages pages) {
        this.pages = pages;
    }

    @ExceptionHandler(ApiRefusal.class)
    String refused(ApiRefusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(refusal.status());
        String title = refusal.notFound() ? "error.notFound" : refusal.status() >= 500 ? "error.away" : "error.refused";
        model.addAttribute("page", pages.of(request, title));
        model.addAttribute("status", refusal.status());
        model.addAttribute("detail", refusal.detail());
        return "error/refusal";
    }

    /**
     * A query or form that cannot be decoded (bytes that are not UTF-8) or is too large: the
     * container's error page for its status, not a logged server error.
     */
    @ExceptionHandler(InvalidParameterException.class)
    void unreadable(InvalidParameterException unreadable, HttpServletResponse response) throws IOException {
        response.sendError(unreadable.getErrorCode() >= 400 ? unreadable.getErrorCode() : 400);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(404);
        Page page = pages.of(request, "error.notFound");
        model.addAttribute("page", page);
        model.addAttribute("status", 404);
        model.addAttribute("detail", page.t("error.noSuchPage"));
        return "error/refusal";
    }
}
