package dev.curation.web.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The part of a page the layout draws: title, language, the signed-in person, the CSRF token and
 * the messages in the reader's language. Templates call {@link #t} for every word they show.
 *
 * @param title    the page's title, already in the reader's language
 * @param locale   the reader's language
 * @param user     who is signed in, or null
 * @param csrf     the CSRF token's field name and value, or null where the page has no form
 * @param path     this page's path and query, for "sign in and come back" and the language switch
 * @param messages the messages
 */
public record Page(String title, Locale locale, @Nullable String user, @Nullable Csrf csrf, String path,
                   MessageSource messages) {

    /** A CSRF token as a form field and as the header htmx sends. */
    public record Csrf(String parameter, String header, String token) {
    }

    /** The message {@code key} in the reader's language, with {@code args} put in. */
    public String t(String key, Object... args) {
        return Objects.requireNonNullElse(messages.getMessage(key, args, key, locale), key);
    }

    /** BCP 47 tag for the html element's lang attribute. */
    public String lang() {
        return locale.toLanguageTag();
    }

    public boolean signedIn() {
        return user != null;
    }

    /** The other language offered, for the switch. */
    public String otherLang() {
        return locale.getLanguage().equals("zh") ? "en" : "zh-CN";
    }

    /** An instant as ISO-8601 for a time element; the script shows it in the reader's time zone. */
    public static String iso(@Nullable Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** An instant as text in UTC, what readers without the script see. */
    public static String utc(@Nullable Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(instant);
    }

    /** The sign-in address that comes back to this page. */
    public String signInHref() {
        return "/signin?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
