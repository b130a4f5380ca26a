package dev.curation.command.list;

import dev.curation.core.edit.EditException;
import dev.curation.core.input.InputException;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListRuleException;
import dev.curation.service.PipelineHops;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for list commands: the commands that queue up while a worker is busy are decided
 * one after another, each in its own Axon unit of work, and all their events are stored in one
 * database transaction, so many commands share one commit and one fsync. Each caller gets its own
 * answer: a refused command (an invalid edit, a clash, a rule) stores nothing and does not disturb
 * the others. Any other failure while deciding rolls the whole batch back and its commands are run
 * again one by one, so that one command's failure never fails another's. A failed commit fails
 * every command of the batch with that failure (its outcome is as unknown as a single commit's).
 *
 * <p>A list's commands always go to the same worker, in the order they arrived, so a batch never
 * waits on a lock another worker holds. The caller says where a command commits ({@link Commit}):
 * one whose events must commit with the caller's own writes (a keyed request stores its answer with
 * them) is not batched but runs in the caller's transaction; one that stores nothing is not batched either.
 */
@Component
public class ListCommandBatcher implements SmartLifecycle {

    /** Where a command's events commit. */
    public enum Commit {
        /**
         * In the transaction the calling thread holds, with the caller's own writes (a keyed request's
         * answer, a webhook's secret); in one of its own when the caller holds none.
         */
        IN_CALLERS_TRANSACTION,
        /** With the other list commands that queue up meanwhile, in one commit for all of them. */
        GROUPED,
        /**
         * Nowhere: the command applies no event (a check), so it is sent at once, in a transaction of
         * its own, and never waits in a batch worker's queue behind the writes.
         */
        NOTHING
    }

    /** {@code span}: the caller's, current again while the worker handles the command (its trace and log lines). */
    private record Queued(CommandMessage<?> command, @Nullable Span span, CompletableFuture<Object> answer) {
    }

    /** A failure while deciding a batch: rolled back, nothing stored; the batch runs again command by command. */
    private static final class BatchFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BatchFailed(Throwable cause) {
            super(cause);
        }
    }

    private final CommandGateway gateway;
    private final TransactionTemplate transactions;
    private final List<BlockingQueue<Queued>> queues = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final int maxBatch;
    private final DistributionSummary batchSizes;
    private final Timer commits;
    private final EventStoreWake wake;
    private final Tracer tracer;
    private volatile boolean running;

    ListCommandBatcher(CommandGateway gateway, PlatformTransactionManager transactions, MeterRegistry meters,
                       CommandProperties settings, EventStoreWake wake, Tracer tracer) {
        this.gateway = gateway;
        this.tracer = tracer;
        this.wake = wake;
        this.transactions = new TransactionTemplate(transactions);
        this.maxBatch = settings.maxBatch();
        for (int i = 0; i < settings.batchWorkers(); i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
        this.batchSizes = DistributionSummary.builder("curation.commands.batch.size")
                .description("list commands stored in one transaction").register(meters);
        Gauge.builder("curation.commands.queued", this, b -> b.queues.stream().mapToInt(BlockingQueue::size).sum())
                .description("list commands waiting for a batch").register(meters);
        this.commits = PipelineHops.timer(meters, "commit",
                "a list command received (queued for a batch, or sent alone) until its events are committed");
    }

    /** Sends a list command and waits for its answer (its result, or the exception it was refused with). */
    public <R> R sendAndWait(CommandMessage<?> command, Commit commit) {
        long received = System.nanoTime();
        R result = decide(command, commit);
        commits.record(System.nanoTime() - received, TimeUnit.NANOSECONDS);
        return result;
    }

    @SuppressWarnings("unchecked")
    private <R> R decide(CommandMessage<?> command, Commit commit) {
        if (commit != Commit.GROUPED || !running || queues.isEmpty()
                || !(command.getPayload() instanceof ListCommand list)) {
            R result = gateway.sendAndWait(command);
            if (commit == Commit.IN_CALLERS_TRANSACTION) {
                wake.afterCommit();
            }
            return result;
        }
        CompletableFuture<Object> answer = new CompletableFuture<>();
        queues.get(Math.floorMod(list.listId().hashCode(), queues.size()))
                .add(new Queued(command, tracer.currentSpan(), answer));
        try {
            return (R) answer.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the command was decided", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the command was not decided within 5 minutes", e);
        }
    }

    private void work(BlockingQueue<Queued> queue) {
        List<Queued> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Queued first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                batchSizes.record(batch.size());
                if (batch.size() == 1) {
                    alone(first);
                } else {
                    together(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // never leave a caller waiting: whatever is unanswered gets the failure
                batch.forEach(q -> q.answer().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** One command in its own transaction, exactly as without batching. */
    private void alone(Queued queued) {
        try {
            queued.answer().complete(dispatch(queued));
        } catch (RuntimeException e) {
            queued.answer().completeExceptionally(e);
        }
    }

    private void together(List<Queued> batch) {
        Object[] answers = new Object[batch.size()];
        try {
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < batch.size(); i++) {
                    try {
                        answers[i] = dispatch(batch.get(i));
                    } catch (RuntimeException e) {
                        if (!isRefusal(e)) {
                            throw new BatchFailed(e);
                        }
                        answers[i] = e;
                    }
                }
            });
        } catch (BatchFailed e) {
            if (DatabaseFailures.of(e.getCause()).isPresent()) {
                // each command alone would wait for the database again: answer them all now
                batch.forEach(q -> q.answer().completeExceptionally((RuntimeException) e.getCause()));
                return;
            }
            // rolled back: nothing of the batch is stored; one command's failure must not be the others'
            batch.forEach(this::alone);
            return;
        } catch (RuntimeException e) {
            // no transaction, or its commit failed: the same answer each command alone would have had
            batch.forEach(q -> q.answer().completeExceptionally(e));
            return;
        }
        wake.now();
        for (int i = 0; i < batch.size(); i++) {
            if (answers[i] instanceof RuntimeException refused) {
                batch.get(i).answer().completeExceptionally(refused);
            } else {
                batch.get(i).answer().complete(answers[i]);
            }
        }
    }

    private Object dispatch(Queued queued) {
        Tracer.SpanInScope scope = tracer.withSpan(queued.span());
        try {
            return gateway.sendAndWait(queued.command());
        } finally {
            scope.close();
        }
    }

    /** Refused before any event was applied: nothing to roll back, so the command bus does not (AxonConfig). */
    public static boolean isRefusal(Throwable failure) {
        return failure instanceof EditException || failure instanceof ListRuleException || failure instanceof InputException;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<Queued> queue = queues.get(i);
            workers.add(Thread.ofPlatform().name("list-commands-" + i).daemon().start(() -> work(queue)));
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
