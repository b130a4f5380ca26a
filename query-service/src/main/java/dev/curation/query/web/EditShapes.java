package dev.curation.query.web;

import dev.curation.core.edit.EditSpec;
import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Every edit the query service writes (proposals and their revisions, the change stream, what is
 * stored for them) in its op's own shape, as {@link EditSpec#shape()} gives it and the OpenAPI
 * document describes it: an {@code addLink} has addLink's fields, never the nulls of other ops'.
 */
@JacksonComponent
class EditShapes extends ValueSerializer<EditSpec> {

    @Override
    public void serialize(EditSpec edit, JsonGenerator generator, SerializationContext context) {
        context.writeValue(generator, edit.shape());
    }
}
