package dev.curation.query.web;

import dev.curation.service.EditShapes;
import org.springframework.boot.jackson.JacksonComponent;

/** Every edit the query service writes (and stores for proposals) in its op's own shape. */
@JacksonComponent
class EditShapeJson extends EditShapes {
}
