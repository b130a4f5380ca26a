package dev.curation.command.config;

import dev.curation.command.list.EventMetadata;
import dev.curation.command.list.TraceMetadata;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * One span per handled command, child of the span current where it is handled (the request's, or the
 * one the batcher carried to its worker), from the handler's start until its unit of work ends, so it
 * covers deciding and appending the events. The events get its {@code traceparent} in their metadata.
 * Deliberately one span: the SQL statements under it get none (a span costs CPU on every edit).
 */
final class CommandSpans implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Tracer tracer;
    private final Propagator propagator;

    CommandSpans(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Span span = tracer.nextSpan().name("command " + unitOfWork.getMessage().getPayloadType().getSimpleName()).start();
        String traceparent = TraceMetadata.traceparent(propagator, span.context());
        if (traceparent != null) {
            unitOfWork.registerCorrelationDataProvider(message -> Map.of(EventMetadata.TRACEPARENT, traceparent));
        }
        unitOfWork.onRollback(u -> span.error(u.getExecutionResult().getExceptionResult()));
        unitOfWork.onCleanup(u -> span.end());
        Tracer.SpanInScope scope = tracer.withSpan(span);
        try {
            return chain.proceed();
        } finally {
            scope.close();
        }
    }
}
