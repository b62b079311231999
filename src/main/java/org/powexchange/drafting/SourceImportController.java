package org.powexchange.drafting;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.powexchange.security.CurrentUser;
import org.powexchange.security.Groups;
import org.powexchange.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Source files for list drafting: military records, intelligence assessments, family appeals (CSV or JSON). */
@RestController
@RequestMapping("/api/exchanges/{id}")
public class SourceImportController {

    private final SourceImportService imports;
    private final DraftingQueries queries;
    private final CurrentUser user;
    private final int maxBytes;

    public SourceImportController(SourceImportService imports, DraftingQueries queries, CurrentUser user,
                                  @Value("${powexchange.drafting.import-max-bytes:2097152}") int maxBytes) {
        this.imports = imports;
        this.queries = queries;
        this.user = user;
        this.maxBytes = maxBytes;
    }

    @PostMapping(path = "/sources/{source}", consumes = {"text/csv", "application/json"})
    public SourceImportService.Report importSource(@PathVariable UUID id, @PathVariable String source,
                                                   @RequestParam(defaultValue = "false") boolean complete,
                                                   HttpServletRequest request) throws IOException {
        CurrentUser.Caller c = user.require(Groups.COORDINATION_STAFF);
        SourceKind kind = SourceKind.ofPath(source);
        if (kind == null) {
            throw ApiException.notFound("source '" + source + "' (military-records, intelligence-assessments, family-appeals)");
        }
        String format = request.getContentType().toLowerCase().startsWith("text/csv") ? "csv" : "json";
        return imports.importFile(id, kind, format, readBounded(request), complete, c.id());
    }

    @GetMapping("/imports")
    public List<SourceImportService.Report> reports(@PathVariable UUID id) {
        user.require(Groups.COORDINATION_STAFF);
        return imports.reports(id);
    }

    @GetMapping("/drafting/people")
    public List<DraftingQueries.PersonView> people(@PathVariable UUID id) {
        user.require(Groups.COORDINATION_STAFF);
        return queries.people(id);
    }

    private byte[] readBounded(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] data = in.readNBytes(maxBytes + 1);
            if (data.length > maxBytes) {
                throw tooLarge();
            }
            if (data.length == 0) {
                throw ApiException.badRequest("file", "the file is empty");
            }
            return data;
        }
    }

    private ApiException tooLarge() {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "file",
                "the file exceeds " + maxBytes + " bytes; split it into several imports");
    }
}
