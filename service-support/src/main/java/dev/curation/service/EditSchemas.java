package dev.curation.service;

import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditSpec;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Each edit op a schema of its own under a {@code oneOf} discriminated by {@code op}, derived from
 * curation-core's {@link Edit} records so that neither service's document can drift from the
 * code: the command service takes edits in these shapes, the query service shows them so
 * ({@link EditSpec#shape()}).
 */
public final class EditSchemas {

    /** The name of the schema of one edit, any op. */
    public static final String EDIT = "Edit";

    private EditSchemas() {
    }

    /**
     * Adds the schemas of the ops, and makes every {@code edits} property that holds the flat
     * {@code EditSpec} the service parses edits into hold them instead.
     */
    public static void declare(Components components) {
        Discriminator discriminator = new Discriminator().propertyName("op");
        Schema<Object> edit = new Schema<>();
        edit.setDescription("one edit of a change set, chosen by op");
        for (Class<?> type : Edit.class.getPermittedSubclasses()) {
            String op = Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
            Schema<?> schema = ApiRefusals.object().addProperty("op", ApiRefusals.string()._enum(List.of(op))).addRequiredItem("op");
            for (RecordComponent component : type.getRecordComponents()) {
                schema.addProperty(component.getName(), field(component));
                boolean optional = component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                        || component.getType() == boolean.class;
                if (!optional) {
                    schema.addRequiredItem(component.getName());
                }
            }
            if (type == Edit.EditLink.class) {
                schema.description("needs at least one of title, url, description").minProperties(3);
            }
            components.addSchemas(type.getSimpleName(), schema);
            String ref = "#/components/schemas/" + type.getSimpleName();
            edit.addOneOfItem(new Schema<>().$ref(ref));
            discriminator.mapping(op, ref);
        }
        // a proposal may instead hold one revert: the versions it undoes when approved
        Schema<?> revert = ApiRefusals.object().addProperty("op", ApiRefusals.string()._enum(List.of(EditSpec.REVERT)))
                .addProperty("version", ApiRefusals.integer().format("int64").minimum(BigDecimal.valueOf(2)))
                .addProperty("throughVersion", ApiRefusals.integer().format("int64").minimum(BigDecimal.valueOf(2)))
                .addRequiredItem("op").addRequiredItem("version")
                .description("proposals only, as their only edit: undo version (to throughVersion) when approved");
        components.addSchemas("Revert", revert);
        edit.addOneOfItem(new Schema<>().$ref("#/components/schemas/Revert"));
        discriminator.mapping(EditSpec.REVERT, "#/components/schemas/Revert");
        edit.setDiscriminator(discriminator);
        components.addSchemas(EDIT, edit);
        // change sets and proposals hold these edits, not the flat EditSpec the service parses them into
        var schemas = components.getSchemas();
        schemas.values().forEach(schema -> {
            if (schema.getProperties() != null && schema.getProperties().get("edits") instanceof Schema<?> edits
                    && edits.getItems() != null && edits.getItems().get$ref() != null && edits.getItems().get$ref().endsWith("/EditSpec")) {
                schema.addProperty("edits", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + EDIT))
                        .description(edits.getDescription()).minItems(1));
            }
        });
        schemas.remove("EditSpec");
    }

    private static Schema<?> field(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return ApiRefusals.string();
        }
        if (type == Integer.class || type == int.class) {
            return ApiRefusals.integer().minimum(BigDecimal.ZERO);
        }
        if (type == Boolean.class || type == boolean.class) {
            return ApiRefusals.typed("boolean");
        }
        throw new IllegalStateException("no schema for " + type + " of " + component);
    }
}
