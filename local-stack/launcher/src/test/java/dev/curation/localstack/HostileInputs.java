package dev.curation.localstack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generators of hostile input for the fuzz suite: Markdown made of list-like lines with hostile
 * text, change sets mutated from a valid one, query parameters and raw bytes. Everything comes
 * from one seeded {@link Random}, so a run is replayed from its seed. (jqwik's generators need a
 * jqwik thread; the suite runs in JUnit next to the stack it starts, so it generates its own.)
 */
final class HostileInputs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Characters and fragments that broke parsers, databases or logs somewhere. */
    private static final List<String> NASTY = List.of("\u0000", "\u0001", "\u001b[31m", "\u007f", "\u0085", "\u2028",
            "\u2029", "\uFEFF", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "\uD83D\uDE00", "\u202E", "\r", "\n", "\r\n",
            "\t", "%00", "%", "%%", "'", "\"", "\\", "\\u0000", "${jndi:ldap://x}", "<script>alert(1)</script>",
            "javascript:alert(1)", "data:text/html,x", "../../etc/passwd", "NaN", "-1", "0", "2147483648",
            "9223372036854775808", "1e309", "null", "true", "[]", "{}", "#", "- ", "* ", "```", "<!--", "](", "[[", "]]",
            " ".repeat(40), "服务注册", "ة", "\u0301\u0301\u0301");

    private final Random random;

    HostileInputs(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** Up to 120 UTF-16 units from every range: ASCII, C0/C1 controls, the BMP, lone surrogates, other planes. */
    String anyString() {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(121);
        while (out.length() < length) {
            switch (random.nextInt(6)) {
                case 0 -> out.append((char) (0x20 + random.nextInt(0x5F)));
                case 1 -> out.append((char) random.nextInt(0x20));
                case 2 -> out.append((char) (0x7F + random.nextInt(0x21)));
                case 3 -> out.append((char) random.nextInt(0x10000));
                case 4 -> out.append((char) (0xD800 + random.nextInt(0x800)));
                default -> out.appendCodePoint(0x10000 + random.nextInt(0x100000));
            }
        }
        return out.toString();
    }

    String nasty() {
        return pick(NASTY);
    }

    String word() {
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    /** Hostile text: random Unicode, nasty fragments, or both mixed. */
    String text() {
        return switch (random.nextInt(4)) {
            case 0 -> anyString();
            case 1 -> nasty();
            case 2 -> word() + nasty() + word();
            default -> word() + " " + word();
        };
    }

    String url() {
        return switch (random.nextInt(5)) {
            case 0 -> "https://example.com/" + word() + random.nextInt(1_000_000);
            case 1 -> nasty();
            case 2 -> "https://example.com/" + text();
            case 3 -> "HTTP://" + word() + ".io";
            default -> text();
        };
    }

    /** A Markdown file of list-like lines (headings, links, fences, quotes, nesting) with hostile text. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        int lines = random.nextInt(120);
        String ending = List.of("\n", "\r\n", "\r").get(random.nextInt(3));
        for (int i = 0; i < lines; i++) {
            String line = switch (random.nextInt(12)) {
                case 0 -> "#".repeat(1 + random.nextInt(7)) + " " + text();
                case 1 -> "- [" + text() + "](" + url() + ")" + (random.nextBoolean() ? " - " + text() : "");
                case 2 -> "* [" + text() + "](" + url() + ")";
                case 3 -> "[" + text() + "](" + url() + ")";
                case 4 -> "```" + (random.nextBoolean() ? word() : "");
                case 5 -> "  ".repeat(random.nextInt(40)) + "- " + text();
                case 6 -> "> ".repeat(1 + random.nextInt(30)) + text();
                case 7 -> "<div>" + text();
                case 8 -> "| " + text() + " | " + text() + " |";
                case 9 -> "[" + word() + "]: " + url();
                case 10 -> "";
                default -> text();
            };
            out.append(line).append(ending);
        }
        if (random.nextInt(5) == 0) {
            out.append(deeplyNested());
        }
        return out.toString();
    }

    private String deeplyNested() {
        int depth = 500 + random.nextInt(5000);
        return switch (random.nextInt(4)) {
            case 0 -> "- ".repeat(depth) + "x\n";
            case 1 -> "*".repeat(depth) + "a" + "*".repeat(depth) + "\n";
            case 2 -> "[".repeat(depth) + "a" + "](u)".repeat(depth) + "\n";
            default -> ">".repeat(depth) + " x\n";
        };
    }

    /** A change set mutated from a valid one on the list, as JSON (sometimes no longer JSON, or not UTF-8). */
    byte[] changeSet(JsonMapper json, List<String> sections, List<String> entries) {
        ObjectNode set = NODES.objectNode();
        set.put("rationale", word());
        ArrayNode edits = set.putArray("edits");
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            edits.add(validEdit(sections, entries));
        }
        int mutations = random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            mutate(set);
        }
        byte[] bytes = json.writeValueAsBytes(set);
        return switch (random.nextInt(12)) {
            case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 1 -> flipBytes(bytes);
            default -> bytes;
        };
    }

    private ObjectNode validEdit(List<String> sections, List<String> entries) {
        ObjectNode edit = NODES.objectNode();
        String section = sections.get(random.nextInt(sections.size()));
        String entry = entries.get(random.nextInt(entries.size()));
        switch (random.nextInt(6)) {
            case 0 -> edit.put("op", "addLink").put("section", section).put("title", word())
                    .put("url", "https://example.com/" + word() + random.nextInt(1_000_000));
            case 1 -> edit.put("op", "editLink").put("entry", entry).put("description", word());
            case 2 -> edit.put("op", "moveLink").put("entry", entry).put("section", section);
            case 3 -> edit.put("op", "addSection").put("title", word()).putNull("parent");
            case 4 -> edit.put("op", "renameSection").put("section", section).put("title", word());
            default -> edit.put("op", "addText").put("section", section).put("text", word());
        }
        return edit;
    }

    private void mutate(ObjectNode set) {
        List<ObjectNode> objects = new ArrayList<>();
        objects.add(set);
        if (set.get("edits") instanceof ArrayNode edits) {
            edits.forEach(e -> {
                if (e instanceof ObjectNode o) {
                    objects.add(o);
                }
            });
        }
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        Iterator<String> it = target.propertyNames().iterator();
        it.forEachRemaining(names::add);
        String name = names.isEmpty() || random.nextInt(4) == 0
                ? List.of("op", "title", "url", "text", "description", "position", "withContent", "parent", "entry",
                "block", "baseVersion", "edits", word()).get(random.nextInt(13))
                : names.get(random.nextInt(names.size()));
        switch (random.nextInt(5)) {
            case 0 -> target.remove(name);
            case 1 -> target.set(name, randomValue(0));
            case 2 -> target.put(name, text());
            case 3 -> target.put(name, "x".repeat(random.nextInt(20_000)));
            default -> {
                if (set.get("edits") instanceof ArrayNode edits) {
                    edits.add(random.nextBoolean() ? NODES.nullNode() : randomValue(0));
                }
            }
        }
    }

    private JsonNode randomValue(int depth) {
        return switch (random.nextInt(depth > 3 ? 6 : 8)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(List.of(-1, 0, Integer.MAX_VALUE, Integer.MIN_VALUE).get(random.nextInt(4)));
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.stringNode(text());
            case 5 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 6 -> NODES.arrayNode().add(randomValue(depth + 1)).add(randomValue(depth + 1));
            default -> NODES.objectNode().set(word(), randomValue(depth + 1));
        };
    }

    private byte[] flipBytes(byte[] bytes) {
        for (int i = 0; i < 1 + random.nextInt(5) && bytes.length > 0; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** A query string of random parameters the read endpoints know, with hostile values. */
    String query() {
        List<String> names = List.of("page", "size", "actor", "from", "to", "kind", "version", "at", "q", "limit",
                "status", "minVersion", word());
        StringBuilder out = new StringBuilder();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "?" : "&").append(names.get(random.nextInt(names.size()))).append('=')
                    .append(encode(queryValue()));
        }
        return out.toString();
    }

    private String queryValue() {
        return switch (random.nextInt(6)) {
            case 0 -> Long.toString(random.nextLong());
            case 1 -> List.of("-1", "0", "1", "2147483647", "2147483648", "99999999999999999999", "1e3", "abc")
                    .get(random.nextInt(8));
            case 2 -> List.of("+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "2026-11-23T00:00:00Z",
                    "1970-01-01T00:00:00Z", "2026-13-45T25:61:61Z", "now").get(random.nextInt(6));
            default -> text();
        };
    }

    /** Percent-encodes every byte that is not unreserved, so that any text travels. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    byte[] bytes() {
        byte[] bytes = new byte[random.nextInt(4096)];
        random.nextBytes(bytes);
        return bytes;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    static Map.Entry<String, String> header(String name, String value) {
        return Map.entry(name, value);
    }
}
