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

    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private MarkdownReader() {
    }

    /** Reads a document, numbering new ids from {@code ids}. */
    public static ListDocument read(String markdown, IdSequence ids) {
        List<String> lines = Lines.split(markdown);
        LineRole[] roles = classify(PARSER.parse(markdown), lines.size());
        ListDocument document = new ListDocument();
        Deque<Section> open = new ArrayDeque<>();
        int i = 0;
        while (i < lines.size()) {
            LineRole role = roles[i];
            int end = role == null ? i + 1 : Math.max(role.lastLine() + 1, i + 1);
            String raw = String.join("", lines.subList(i, end));
            String parent = open.isEmpty() ? null : open.peek().id();
            if (role instanceof LineRole.HeadingLines heading) {
                while (!open.isEmpty() && open.peek().level() >= heading.level()) {
                    open.pop();
                }
                Section section = new Section(ids.section(), heading.level(), raw, heading.title());
                document.appendSection(open.isEmpty() ? null : open.peek().id(), section);
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
    private static LineRole[] classify(Node document, int lineCount) {
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
                roles[first] = new LineRole.HeadingLines(last, heading.getLevel(), TEXT.render(heading).strip());
            } else if (!isLineByLine(block)) {
                roles[first] = new LineRole.Whole(last);
            }
        }
        return roles;
    }

    /** Paragraphs and lists made only of paragraphs and lists are read line by line. */
    private static boolean isLineByLine(Node block) {
        if (block instanceof Paragraph) {
            return true;
        }
        if (!(block instanceof BulletList || block instanceof OrderedList || block instanceof ListItem)) {
            return false;
        }
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
            if (!isLineByLine(child)) {
                return false;
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
