package dev.curation.core.input;

/** A command carries input the contract refuses; nothing was stored. Names the field (a JSON path or a parameter). */
public abstract sealed class InputException extends RuntimeException permits InputException.Invalid,
        InputException.TooLarge {

    private static final long serialVersionUID = 1L;
    private final String field;

    InputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** A value that is not acceptable (400). */
    public static final class Invalid extends InputException {
        private static final long serialVersionUID = 1L;

        public Invalid(String field, String message) {
            super(field, message);
        }
    }

    /** A value, or the whole input, beyond a configured limit (413). */
    public static final class TooLarge extends InputException {
        private static final long serialVersionUID = 1L;

        public TooLarge(String field, String message) {
            super(field, message);
        }
    }
}
