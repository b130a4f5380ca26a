package dev.curation.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page ({@code GET /login}): a plain form with the fields {@code username} and
 * {@code password} and the CSRF token, posted to {@code /login} (Spring Security's form sign-in),
 * which goes on with the authorization request that brought the browser here. Written here
 * rather than by a template engine: it is one page. Everything it shows from the request is
 * escaped; it runs no script, and its policy allows none ({@code default-src 'none'}) and only its
 * own inline style, by hash. English, or Simplified Chinese for a browser that asks for Chinese.
 */
@Controller
final class SignInPage {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;padding:1rem;line-height:1.5}"
            + "main{max-width:24rem;margin:2rem auto}label{display:block;font-weight:600}"
            + "input{width:100%;box-sizing:border-box;padding:.5rem;margin-bottom:1rem;font-size:1rem}"
            + "button{padding:.5rem 1.5rem;font-size:1rem}"
            + ".error{color:#a00000;border-left:4px solid #a00000;padding-left:.5rem}"
            + ":focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}";
    static final String POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /** What the page says, in one language. */
    record Words(String lang, String title, String heading, String name, String password, String submit,
                 String wrong, String tooMany, String signedInAs, String expired) {
    }

    private static final Words ENGLISH = new Words("en", "Sign in · Curation", "Sign in", "Name", "Password", "Sign in",
            "Wrong name or password.", "Too many failed sign-ins; try again in %d s.", "You are signed in as %s.",
            "This form had expired. Sign in again, then go back to the application you came from.");
    private static final Words CHINESE = new Words("zh-CN", "登录 · Curation", "登录", "用户名", "密码", "登录",
            "用户名或密码错误。", "登录失败次数过多，请在 %d 秒后重试。", "你已登录为 %s。",
            "此表单已过期。请重新登录，然后返回原来的应用。");

    @GetMapping("/login")
    void show(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.OK, null);
    }

    static Words words(HttpServletRequest request) {
        return request.getHeader("Accept-Language") != null && request.getLocale().getLanguage().equals(Locale.CHINESE.getLanguage())
                ? CHINESE : ENGLISH;
    }

    /** The form, with a message above it when there is one. */
    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, @Nullable String message)
            throws IOException {
        Words words = words(request);
        StringBuilder html = new StringBuilder(2048).append("<!DOCTYPE html>\n<html lang=\"").append(words.lang())
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(words.title())).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n")
                .append("<body>\n<main>\n<h1>").append(escape(words.heading())).append("</h1>\n");
        String signedIn = signedInName();
        if (signedIn != null) {
            html.append("<p>").append(escape(words.signedInAs().formatted(signedIn))).append("</p>\n");
        }
        if (message != null) {
            html.append("<p class=\"error\" role=\"alert\">").append(escape(message)).append("</p>\n");
        }
        html.append("<form method=\"post\" action=\"").append(escape(request.getContextPath() + "/login")).append("\">\n");
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            html.append("<input type=\"hidden\" name=\"").append(escape(csrf.getParameterName())).append("\" value=\"")
                    .append(escape(csrf.getToken())).append("\">\n");
        }
        String name = "POST".equals(request.getMethod()) ? request.getParameter("username") : null;
        html.append("<label for=\"username\">").append(escape(words.name())).append("</label>\n")
                .append("<input id=\"username\" name=\"username\" type=\"text\" autocomplete=\"username\" required")
                .append(name == null ? "" : " value=\"" + escape(name) + "\"").append(">\n")
                .append("<label for=\"password\">").append(escape(words.password())).append("</label>\n")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n")
                .append("<button type=\"submit\">").append(escape(words.submit())).append("</button>\n")
                .append("</form>\n</main>\n</body>\n</html>\n");
        response.setStatus(status.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String signedInName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken ? null : authentication.getName();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
