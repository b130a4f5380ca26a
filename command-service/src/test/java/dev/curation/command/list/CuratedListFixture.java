package dev.curation.command.list;

import dev.curation.core.input.InputLimits;
import dev.curation.core.list.InputContract;
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
}
