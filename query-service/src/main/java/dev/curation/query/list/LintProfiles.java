package dev.curation.query.list;

import dev.curation.core.lint.LintProfile;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.LintProfileChanged;
import java.sql.Timestamp;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The lint profiles curators set ({@code lint_profile}), as the projection records them. */
@Repository
public class LintProfiles {

    private static final TypeReference<Map<String, String>> RULES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LintProfiles(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a profile change (other events are ignored); called in the projection's transaction. */
    void apply(EventEnvelope envelope) {
        if (envelope.payload() instanceof LintProfileChanged changed) {
            jdbc.sql("""
                            INSERT INTO lint_profile (list_id, sequence, version, rules, same_url_in_sections, changed_by, changed_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(changed.listId(), envelope.sequence(), envelope.version(), json.writeValueAsString(changed.rules()),
                            changed.sameUrlInSections(), changed.by(), Timestamp.from(envelope.timestamp()))
                    .update();
        }
    }

    /** The profile in effect now: the last one set (a change makes no version), the defaults if none was. */
    public LintProfile current(String listId) {
        return jdbc.sql("SELECT rules, same_url_in_sections FROM lint_profile WHERE list_id = ? ORDER BY sequence DESC LIMIT 1")
                .params(listId)
                .query((rs, n) -> LintProfile.fromWire(json.readValue(rs.getString(1), RULES), rs.getBoolean(2)))
                .optional().orElseGet(LintProfile::defaults);
    }

    /** The profile in effect at a version: the last one set at or before it, the defaults if none was. */
    public LintProfile at(String listId, long version) {
        return jdbc.sql("""
                        SELECT rules, same_url_in_sections FROM lint_profile WHERE list_id = ? AND version <= ?
                        ORDER BY sequence DESC LIMIT 1""")
                .params(listId, version)
                .query((rs, n) -> LintProfile.fromWire(json.readValue(rs.getString(1), RULES), rs.getBoolean(2)))
                .optional().orElseGet(LintProfile::defaults);
    }
}
