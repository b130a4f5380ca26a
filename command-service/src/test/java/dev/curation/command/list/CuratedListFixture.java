package dev.curation.command.list;

import dev.curation.core.decider.ListHistory;
import dev.curation.core.input.InputLimits;
import dev.curation.core.list.InputContract;
import dev.curation.core.list.ListEvent;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** An {@link AggregateTestFixture} of {@link CuratedList} wired as the service wires it. */
final class CuratedListFixture {

    private CuratedListFixture() {
    }

    static AggregateTestFixture<CuratedList> of(SlugRegistry slugs) {
        AggregateTestFixture<CuratedList> fixture = new AggregateTestFixture<>(CuratedList.class);
        fixture.registerInjectableResource(InputLimits.DEFAULTS);
        // the input contract before the handler, as the service's command bus applies it on dispatch
        InputContract contract = new InputContract(InputLimits.DEFAULTS);
        fixture.registerCommandHandlerInterceptor((unitOfWork, chain) -> {
            contract.check(unitOfWork.getMessage().getPayload());
            return chain.proceed();
        });
        fixture.registerInjectableResource(slugs);
        // commands reach the list by their list id, a revert reads past versions from the event store
        fixture.registerCommandTargetResolver(new ListCommandTargets());
        fixture.registerInjectableResource(new EventStoreListVersions(fixture.getEventStore()));
        return fixture;
    }

    /**
     * A command's metadata as the controllers send it: the actor and its global roles, those of
     * the local accounts (alice and bob curate every list, everyone else may propose).
     */
    static MetaData actor(String name) {
        return actor(name, name.equals("alice") || name.equals("bob") ? "CURATOR,CONTRIBUTOR" : "CONTRIBUTOR");
    }

    static MetaData actor(String name, String globalRoles) {
        return MetaData.with(EventMetadata.ACTOR, name).and(EventMetadata.ROLES, globalRoles);
    }

    /** Given events of list {@code listId}, as stored: each with the list version it belongs to. */
    static List<Object> versioned(String listId, long version, ListEvent... events) {
        List<Object> messages = new ArrayList<>();
        for (ListEvent e : events) {
            messages.add(new GenericDomainEventMessage<>("CuratedList", listId, 0, e, MetaData.with(EventMetadata.VERSION, version)));
        }
        return messages;
    }

    /** Given events in order. */
    @SafeVarargs
    static List<Object> with(List<Object> first, List<Object>... more) {
        List<Object> all = new ArrayList<>(first);
        for (List<Object> m : more) {
            all.addAll(m);
        }
        return all;
    }
}
