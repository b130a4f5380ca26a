package dev.curation.core.document;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Reads Markdown into a {@link ListDocument} without losing a byte. CommonMark (with source
 * spans) decides what the lines are: which are headings, and which belong to blocks that must
 * stay whole (code fences, HTML blocks, block quotes). Lines of paragraphs and simple lists are
 * then taken one by one, because people write one link per line and CommonMark would fold
 * bullet-less lines into one paragraph. Every line lands in exactly one heading or block, with
 * its raw characters.
 */
public final class MarkdownReader {

    /**
     * Block structure only: inline content (emphasis, links) is never parsed for the whole file,
     * because CommonMark's inline parser recurses on nesting ({@code ***...a***...} overflows the
     * stack) and nothing here needs it but heading titles.
     */
    private static final Parser BLOCKS = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(context -> (lines, node) -> {
            })
            .build();
    /** Heading titles are rendered from a parse of the heading's own lines, when short enough to be safe. */
    private static final Parser HEADING = Parser.builder().build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
    /** Longer headings get their raw text as title; nesting in fewer characters cannot exhaust a stack. */
    static final int MAX_RENDERED_HEADING = 1000;

    private MarkdownReader() {
    }

    /** Reads a document, numbering new ids from {@code ids}. */
    public static ListDocument read(String markdown, IdSequence ids) {
        List<String> lines = Lines.split(markdown);
        LineRole[] roles = classify(BLOCKS.parse(markdown), lines);
        ListDocument document = new ListDocument();
        Deque<Section> open = new ArrayDeque<>();
        int i = 0;
        while (i < lines.size()) {
            LineRole role = roles[i];
            int end = role == null ? i + 1 : Math.max(role.lastLine() + 1, i + 1);
            String raw = String.join("", lines.subList(i, end));
            Parent parent = open.isEmpty() ? Parent.DOCUMENT : Parent.section(open.peek().id());
            if (role instanceof LineRole.HeadingLines heading) {
                while (!open.isEmpty() && open.peek().level() >= heading.level()) {
                    open.pop();
                }
                Section section = new Section(ids.section(), heading.level(), raw, heading.title());
                document.appendSection(open.isEmpty() ? Parent.DOCUMENT : Parent.section(open.peek().id()), section);
                open.push(section);
            } else if (role instanceof LineRole.Whole) {
                document.appendBlock(parent, new Text(ids.text(), raw));
            } else {
                document.appendBlock(parent, lineBlock(raw, ids));
            }
            i = end;
        }
        return document;
    }

    public static ListDocument read(String markdown) {
        return read(markdown, new IdSequence(0));
    }

    /** One line of a paragraph or list: an entry if it is a link line, else text. */
    static Block lineBlock(String line, IdSequence ids) {
        return EntryLine.parse(line)
                .<Block>map(l -> new Entry(ids.entry(), line, l.title(), l.url(), l.description()))
                .orElseGet(() -> new Text(ids.text(), line));
    }

    /** Marks the first line of each heading and of each block that must stay whole; other lines stay null. */
    private static LineRole[] classify(Node document, List<String> lines) {
        int lineCount = lines.size();
        LineRole[] roles = new LineRole[lineCount];
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            List<SourceSpan> spans = block.getSourceSpans();
            if (spans.isEmpty()) {
                continue;
            }
            int first = spans.getFirst().getLineIndex();
            int last = spans.getLast().getLineIndex();
            if (first >= lineCount) {
                continue;
            }
            if (block instanceof Heading heading) {
                String raw = String.join("", lines.subList(first, Math.min(last + 1, lineCount)));
                roles[first] = new LineRole.HeadingLines(last, heading.getLevel(), title(raw));
            } else if (!isLineByLine(block)) {
                roles[first] = new LineRole.Whole(last);
            }
        }
        return roles;
    }

    /** The plain text of a heading: its inline content rendered, or for very long headings its raw text. */
    static String title(String raw) {
        if (raw.length() <= MAX_RENDERED_HEADING) {
            for (Node node = HEADING.parse(raw).getFirstChild(); node != null; node = node.getNext()) {
                if (node instanceof Heading heading) {
                    return TEXT.render(heading).strip();
                }
            }
        }
        String text = Lines.content(Lines.split(raw).getFirst()).strip();
        int start = 0;
        while (start < text.length() && start < 6 && text.charAt(start) == '#') {
            start++;
        }
        int end = text.length();
        while (end > start && text.charAt(end - 1) == '#') {
            end--;
        }
        // a closing sequence of #s counts only after a space; otherwise the #s are text
        if (end < text.length() && end > start && text.charAt(end - 1) != ' ' && text.charAt(end - 1) != '\t') {
            end = text.length();
        }
        return text.substring(start, end).strip();
    }

    /**
     * Paragraphs and lists made only of paragraphs and lists are read line by line. Walked with an
     * explicit stack: a file of 20,000 nested list markers is 20,000 levels deep.
     */
    private static boolean isLineByLine(Node block) {
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(block);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Paragraph) {
                continue;
            }
            if (!(node instanceof BulletList || node instanceof OrderedList || node instanceof ListItem)) {
                return false;
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                pending.push(child);
            }
        }
        return true;
    }

    private sealed interface LineRole {
        int lastLine();

        record HeadingLines(int lastLine, int level, String title) implements LineRole {
        }

        record Whole(int lastLine) implements LineRole {
        }
    }
}
