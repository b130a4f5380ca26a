package dev.curation.command.list;

import dev.curation.core.list.ListCommand;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One command at a time per list, from before the list is loaded until the transaction that
 * stores its events has ended. Axon's own lock ends with the unit of work, which is before the
 * commit when the command takes part in a wider transaction (a keyed request also stores its
 * answer): the next command would then find the list uncommitted, neither cached
 * ({@link ListCache} stores only committed state) nor readable, replay it from the store and lose
 * the race with a 409. Held this long, the next command waits and finds the committed list in
 * the cache. Locks are striped by list id, so memory stays fixed; two lists sharing a stripe only
 * wait for each other. A command that cannot get its list's lock in time is a 409, to retry.
 * Not a bean: Axon would register a handler interceptor bean on the command bus by itself, and
 * the command bus registers this one explicitly (AxonConfig).
 */
public final class ListTransactionLock implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final int STRIPES = 1024;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final Duration timeout;

    public ListTransactionLock(Duration timeout) {
        this.timeout = timeout;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (!(unitOfWork.getMessage().getPayload() instanceof ListCommand command)
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return interceptorChain.proceed();
        }
        ReentrantLock lock = stripes[Math.floorMod(command.listId().hashCode(), STRIPES)];
        if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new ConcurrencyException("list " + command.listId() + " is busy with another change; try again");
        }
        try {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    lock.unlock();
                }
            });
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
        return interceptorChain.proceed();
    }
}
