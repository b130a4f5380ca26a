package dev.curation.service;

import dev.curation.core.edit.EditSpec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * An edit written in its op's own shape, as {@link EditSpec#shape()} gives it and the OpenAPI
 * documents describe it ({@link EditSchemas}): an {@code addLink} has addLink's fields, never the
 * nulls of other ops'. The query service writes every edit it serves so (proposals, their
 * revisions, the change stream); the command service its webhooks' bodies.
 */
public class EditShapes extends ValueSerializer<EditSpec> {

    /** A module that writes every {@link EditSpec} in its op's shape. */
    public static JacksonModule module() {
        return new SimpleModule("edit-shapes").addSerializer(EditSpec.class, new EditShapes());
    }

    @Override
    public void serialize(EditSpec edit, JsonGenerator generator, SerializationContext context) {
        context.writeValue(generator, edit.shape());
    }
}
