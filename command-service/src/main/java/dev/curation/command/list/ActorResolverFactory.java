package dev.curation.command.list;

import dev.curation.core.decider.Actor;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.jspecify.annotations.Nullable;

/**
 * Gives a list's command handlers the {@link Actor} who sent the command, read once from its
 * metadata ({@link EventMetadata#ACTOR} and {@link EventMetadata#ROLES}), instead of two
 * metadata parameters on every handler. A command without an actor is sent by nobody: an actor
 * without a name or role, whom the list refuses. Registered for Axon in
 * {@code META-INF/services/org.axonframework.messaging.annotation.ParameterResolverFactory}.
 */
public final class ActorResolverFactory implements ParameterResolverFactory {

    @Override
    public @Nullable ParameterResolver<?> createInstance(Executable executable, Parameter[] parameters, int index) {
        return Actor.class.equals(parameters[index].getType()) ? new FromMetaData() : null;
    }

    private static final class FromMetaData implements ParameterResolver<Actor> {

        @Override
        public Actor resolveParameterValue(Message<?> message) {
            Object name = message.getMetaData().get(EventMetadata.ACTOR);
            Object roles = message.getMetaData().get(EventMetadata.ROLES);
            return new Actor(name == null ? "" : name.toString(), EventMetadata.roles(roles == null ? null : roles.toString()));
        }

        @Override
        public boolean matches(Message<?> message) {
            return true;
        }
    }
}
