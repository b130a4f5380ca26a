package dev.curation.bench.jmh;

import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownReader;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ImportEvents;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The Markdown reader, writer and the event fold on a 10k-entry list ({@code ./curation bench jmh}). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MarkdownBenchmark {

    private String markdown;
    private ListDocument document;
    private List<ListEvent> events;

    @Setup
    public void setUp() {
        StringBuilder md = new StringBuilder("# Big list\n\n");
        for (int s = 0; s < 100; s++) {
            md.append("## Topic ").append(s).append("\n\n");
            for (int e = 0; e < 100; e++) {
                md.append("- [Entry ").append(e).append("](https://example.com/").append(s).append('/').append(e)
                        .append(") - description ").append(e).append('\n');
            }
            md.append('\n');
        }
        markdown = md.toString();
        document = MarkdownReader.read(markdown);
        events = ImportEvents.of(new ImportList("l", "big", markdown));
    }

    @Benchmark
    public ListDocument read() {
        return MarkdownReader.read(markdown);
    }

    @Benchmark
    public String write() {
        return MarkdownWriter.write(document);
    }

    @Benchmark
    public ListDocument foldImport() {
        return ListFold.fold(events);
    }
}
