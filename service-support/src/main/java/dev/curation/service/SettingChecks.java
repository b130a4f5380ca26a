package dev.curation.service;

import java.time.Duration;

/**
 * Checks of configuration properties records, for their compact constructors: a wrong value stops
 * the start with the setting's name, instead of surfacing later as a hang or a strange error.
 */
public final class SettingChecks {

    private SettingChecks() {
    }

    public static void atLeast(String setting, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(setting + " must be at least " + min + ", not " + value);
        }
    }

    public static void positive(String setting, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be a positive duration, not " + value);
        }
    }

    public static void notNegative(String setting, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(setting + " must not be negative, not " + value);
        }
    }

    public static void notBlank(String setting, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(setting + " must not be empty");
        }
    }
}
