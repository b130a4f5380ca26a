package dev.curation.query;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Keeps the ended spans of the traces a test watches, in-process (the suite's other traces are not
 * kept, so the context it lives in does not grow with the suite).
 */
public final class SpanRecorder implements SpanProcessor {

    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final List<SpanData> ended = new ArrayList<>();

    public void watch(String traceId) {
        watched.add(traceId);
    }

    /** The ended spans of a watched trace once {@code complete} holds for them (or what there is after 30 s). */
    public synchronized List<SpanData> spans(String traceId, Predicate<List<SpanData>> complete) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<SpanData> spans = of(traceId);
        while (!complete.test(spans) && System.nanoTime() < deadline) {
            wait(100);
            spans = of(traceId);
        }
        return spans;
    }

    private List<SpanData> of(String traceId) {
        return ended.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public synchronized void onEnd(ReadableSpan span) {
        if (watched.contains(span.getSpanContext().getTraceId())) {
            ended.add(span.toSpanData());
            notifyAll();
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }
}
