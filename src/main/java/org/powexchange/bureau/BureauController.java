package org.powexchange.bureau;

import java.util.UUID;
import org.powexchange.audit.AuditLog;
import org.powexchange.security.CurrentUser;
import org.powexchange.security.Groups;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/exchanges/{id}/information-bureau}: the national information bureau's record (GC III
 * art. 122–123), JSON, or CSV with {@code Accept: text/csv}. Coordination Staff and the neutral party only;
 * every reading is in the audit log (it lists identifiable people).
 */
@RestController
public class BureauController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final BureauService bureau;
    private final CurrentUser user;
    private final AuditLog audit;

    public BureauController(BureauService bureau, CurrentUser user, AuditLog audit) {
        this.bureau = bureau;
        this.user = user;
        this.audit = audit;
    }

    @GetMapping(path = "/api/exchanges/{id}/information-bureau", produces = MediaType.APPLICATION_JSON_VALUE)
    public BureauReport json(@PathVariable UUID id) {
        return read(id, "json");
    }

    @GetMapping(path = "/api/exchanges/{id}/information-bureau", produces = "text/csv")
    public ResponseEntity<byte[]> csv(@PathVariable UUID id) {
        BureauReport report = read(id, "csv");
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"information-bureau-"
                        + report.agreementRef().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
                .body(BureauCsv.write(report));
    }

    private BureauReport read(UUID id, String format) {
        CurrentUser.Caller c = user.require(Groups.COORDINATION_STAFF, Groups.NEUTRAL_PARTY);
        BureauReport report = bureau.report(id);
        audit.record(id, c.id(), "INFORMATION_BUREAU_EXPORTED", format, report.people().size() + " people");
        return report;
    }
}
