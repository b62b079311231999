package org.powexchange.security;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits on the bytes actually read, whatever {@code Content-Length} says (chunked bodies too): a JSON
 * body is read up to its limit (413 beyond), parsed under {@link JsonLimits} (400 for duplicate keys,
 * excessive nesting, malformed JSON), refused when it carries an Object-typed variable on an engine
 * path, and replayed to what follows. Other bodies are counted as they are read and answered 413 when
 * they pass the limit. Forms and multipart uploads are bounded by the servlet container
 * ({@code server.tomcat.max-http-form-post-size}, {@code spring.servlet.multipart.*}).
 */
public class BodyLimits extends OncePerRequestFilter {

    static final String OVERFLOW = BodyLimits.class.getName() + ".overflow";

    /** Source files posted as raw bodies: their endpoint reads at most its own limit and answers 413 itself. */
    private static final Pattern OWN_LIMIT = Pattern.compile("^/api/exchanges/[^/]+/sources/[^/]+/?$");

    private final long maxBody;
    private final long maxMultipart;

    public BodyLimits(long maxBody, long maxMultipart) {
        this.maxBody = maxBody;
        this.maxMultipart = maxMultipart;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (type.startsWith("multipart/") && request.getContentLengthLong() > maxMultipart) {
            ProblemWriter.write(response, 413, "the upload exceeds " + maxMultipart + " bytes", "file");
            return;
        }
        if (!hasBody || type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")
                || OWN_LIMIT.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBody) {
            ProblemWriter.write(response, 413, "the request body exceeds " + maxBody + " bytes", "body");
            return;
        }
        if (type.startsWith("application/json") || type.matches("application/[a-z.+-]*\\+json.*")) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
            if (body.length > maxBody) {
                ProblemWriter.write(response, 413, "the request body exceeds " + maxBody + " bytes", "body");
                return;
            }
            if (body.length > 0) {
                JsonNode root;
                try {
                    root = JsonLimits.parse(body);
                } catch (JsonLimits.Invalid e) {
                    ProblemWriter.write(response, 400, "the request body is " + (e.getMessage().startsWith("not") ? ""
                            : "refused: ") + e.getMessage(), "body");
                    return;
                }
                Refused refused = AccessRules.enginePath(path) == null ? null : typedValues("value", root, 0);
                if (refused != null) {
                    String name = SubmissionCheck.safe(refused.variable());
                    ProblemWriter.write(response, 400, "variable '" + name + "': " + refused.reason(), name);
                    return;
                }
            }
            chain.doFilter(new Replayed(request, body), response);
            return;
        }
        Counted counted = new Counted(request, maxBody);
        chain.doFilter(counted, response);
        if (counted.overflow && !response.isCommitted()) {
            ProblemWriter.write(response, 413, "the request body exceeds " + maxBody + " bytes", "body");
        }
    }

    record Refused(String variable, String reason) {
    }

    /**
     * The first typed value anywhere in an engine body (variables, modifications, messages) that is refused:
     * an Object value (only plain types and Json are accepted), or a Json value that is malformed or out of bounds.
     */
    static Refused typedValues(String name, JsonNode node, int depth) {
        if (node == null || depth > JsonLimits.MAX_DEPTH) {
            return null;
        }
        if (node.isObject()) {
            String type = node.path("type").isTextual() ? node.path("type").asText().toLowerCase() : "";
            if ("object".equals(type) && (node.has("value") || node.has("valueInfo"))) {
                return new Refused(name, "Object values are not accepted (use Json)");
            }
            if ("json".equals(type) && node.path("value").isTextual()) {
                try {
                    JsonLimits.parse(node.path("value").asText());
                } catch (JsonLimits.Invalid e) {
                    return new Refused(name, "the Json value is " + e.getMessage());
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Refused inner = typedValues(e.getKey(), e.getValue(), depth + 1);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode c : node) {
                Refused inner = typedValues(name, c, depth + 1);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** The request with its body already read, replayed to what follows. */
    static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        byte[] body() {
            return body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new Stream(new ByteArrayInputStream(body), Long.MAX_VALUE, null);
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /** Counts what is read; past the limit, reading fails and the filter answers 413. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final long limit;
        boolean overflow;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Stream(super.getInputStream(), limit, this);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding()));
        }
    }

    private static final class Stream extends ServletInputStream {
        private final InputStream in;
        private final long limit;
        private final Counted owner;
        private long read;
        private boolean finished;

        Stream(InputStream in, long limit, Counted owner) {
            this.in = in;
            this.limit = limit;
            this.owner = owner;
        }

        private void count(int n) throws IOException {
            if (n < 0) {
                finished = true;
                return;
            }
            read += n;
            if (read > limit) {
                owner.overflow = true;
                throw new IOException("the request body exceeds " + limit + " bytes");
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            count(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
