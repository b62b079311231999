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
                                  @Value("${powexchange.drafting.import-max-bytes:16777216}") int maxBytes) {
        this.imports = imports;
        this.queries = queries;
        this.user = user;
        this.maxBytes = maxBytes;
    }

    /**
     * CSV or JSON. Besides text/csv and application/json, the types a browser or a script sends a .csv file as:
     * Windows registers .csv as application/vnd.ms-excel; text/plain, tab-separated values and octet-stream
     * (read as JSON when the content starts as JSON).
     */
    @PostMapping(path = "/sources/{source}", consumes = {"text/csv", "application/json", "application/vnd.ms-excel",
            "text/plain", "text/tab-separated-values", "application/octet-stream"})
    public SourceImportService.Report importSource(@PathVariable UUID id, @PathVariable String source,
                                                   @RequestParam(defaultValue = "false") boolean complete,
                                                   HttpServletRequest request) throws IOException {
        CurrentUser.Caller c = user.require(Groups.COORDINATION_STAFF);
        SourceKind kind = SourceKind.ofPath(source);
        if (kind == null) {
            throw ApiException.notFound("source '" + source + "' (military-records, intelligence-assessments, family-appeals)");
        }
        byte[] content = readBounded(request);
        return imports.importFile(id, kind, format(request.getContentType(), content), content, complete, c.id());
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

    /** "json" for application/json, or octet-stream whose first character opens a JSON array or object; else "csv". */
    static String format(String contentType, byte[] content) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/json")) {
            return "json";
        }
        if (type.startsWith("application/octet-stream")) {
            for (byte b : content) {
                if (!Character.isWhitespace(b) && (b & 0xff) != 0xef && (b & 0xff) != 0xbb && (b & 0xff) != 0xbf) {
                    return b == '[' || b == '{' ? "json" : "csv"; // a UTF-8 byte order mark passed over
                }
            }
        }
        return "csv";
    }

    private byte[] readBounded(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            if (request.getContentLengthLong() > maxBytes) {
                throw tooLarge(in);
            }
            byte[] data = in.readNBytes(maxBytes + 1);
            if (data.length > maxBytes) {
                throw tooLarge(in);
            }
            if (data.length == 0) {
                throw ApiException.badRequest("file", "the file is empty");
            }
            return data;
        }
    }

    /**
     * The refusal of a file over the limit. The rest of the body (up to three times the limit) is read and
     * dropped first, so that the client, still sending, reads the problem document instead of a closed
     * connection; a larger body is not waited for.
     */
    private ApiException tooLarge(InputStream in) throws IOException {
        long left = 3L * maxBytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped > 0) {
                left -= skipped;
            } else if (in.read() < 0) {
                break; // the whole body is read
            } else {
                left--;
            }
        }
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "file",
                "the file exceeds " + maxBytes + " bytes; split it into several imports");
    }
}
