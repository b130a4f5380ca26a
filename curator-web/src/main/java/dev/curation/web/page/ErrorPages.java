package dev.curation.web.page;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page ({@code /error}): what Spring MVC or Tomcat refused before a page
 * could (a value that is not a number, a method a page does not take, a body too large, an address
 * that cannot be decoded, a form without its CSRF token) is shown in the site's layout and the
 * reader's language, never as a bare container page. It reads no request parameter: a body or
 * query that could not be decoded would throw again here.
 */
@Controller
class ErrorPages implements ErrorController {

    /** Title and explanation per status; anything else of 4xx is "not possible", 5xx "went wrong". */
    private static final Map<Integer, String[]> KEYS = Map.of(
            400, new String[] {"error.badRequest", "error.badRequest.detail"},
            403, new String[] {"error.forbidden", "error.forbidden.detail"},
            404, new String[] {"error.notFound", "error.noSuchPage"},
            405, new String[] {"error.badRequest", "error.method.detail"},
            413, new String[] {"error.tooLarge", "error.tooLarge.detail"},
            415, new String[] {"error.badRequest", "error.badRequest.detail"});

    private final Pages pages;

    ErrorPages(Pages pages) {
        this.pages = pages;
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        // asked for directly (no error being handled): there is no such page
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        String[] keys = KEYS.getOrDefault(status, status >= 500
                ? new String[] {"error.broken", "error.broken.detail"}
                : new String[] {"error.refused", "error.badRequest.detail"});
        Page page = pages.of(request, keys[0]);
        // the address the reader asked for, not /error: the sign-in link and language switch come back to it
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String asked) {
            page = new Page(page.title(), page.locale(), page.user(), page.csrf(), asked, page.messages());
        }
        response.setStatus(status);
        model.addAttribute("page", page);
        model.addAttribute("status", status);
        model.addAttribute("detail", page.t(keys[1]));
        return "error/refusal";
    }
}
