package dev.curation.command.list.web;

import dev.curation.core.edit.EditSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "A change set: edits applied together as one version", example = """
        {"baseVersion": 1, "rationale": "add a service registry",
         "edits": [{"op": "addLink", "section": "s30", "title": "Nacos", "url": "https://nacos.io"}]}""")
record ChangeSetRequest(
        @Schema(description = "version the edits were written against; older bases are rebased when nothing they touch changed since")
        Long baseVersion,
        @Schema(description = "why; shown in history and on the proposal")
        String rationale,
        @Schema(description = "addLink, editLink, removeLink, moveLink, addSection, renameSection, moveSection, removeSection, addText, editText, removeText")
        List<EditSpec> edits) {
}
