package dev.curation.command.bundle;

import dev.curation.command.web.BadRequestBodyException;
import org.springframework.http.HttpStatus;

/** A bundle refused before anything of it was stored: 4xx problem+json naming the field at fault. */
public final class BundleRefusal extends BadRequestBodyException {

    private static final long serialVersionUID = 1L;

    private BundleRefusal(HttpStatus status, String type, String title, String detail, String field) {
        super(status, type, title, detail, field);
    }

    /** Not a bundle this installation reads: not NDJSON, no header or checksum line, a field missing or wrong. */
    static BundleRefusal invalid(String field, String detail) {
        return new BundleRefusal(HttpStatus.BAD_REQUEST, "invalid-bundle", "Invalid list bundle", detail, field);
    }

    static BundleRefusal checksum(String detail) {
        return new BundleRefusal(HttpStatus.BAD_REQUEST, "bundle-checksum", "Bundle checksum differs", detail, "checksum");
    }

    static BundleRefusal unknownType(String detail) {
        return new BundleRefusal(HttpStatus.BAD_REQUEST, "unknown-event-type", "Unknown event type", detail, "type");
    }

    static BundleRefusal payload(String detail) {
        return new BundleRefusal(HttpStatus.BAD_REQUEST, "invalid-event-payload", "Event payload does not deserialize",
                detail, "payload");
    }

    static BundleRefusal doesNotFold(String field, String detail) {
        return new BundleRefusal(HttpStatus.BAD_REQUEST, "bundle-does-not-fold", "Bundle events do not fold", detail,
                field);
    }

    static BundleRefusal tooLarge(String field, String detail) {
        return new BundleRefusal(HttpStatus.CONTENT_TOO_LARGE, "bundle-too-large", "Bundle too large", detail, field);
    }
}
