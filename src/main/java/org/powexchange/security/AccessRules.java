package org.powexchange.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The roles × capabilities table: which group may call which endpoint, in one place. Every request to
 * {@code /api}, {@code /engine-rest}, {@code /camunda/api/engine}, the actuator and the API docs is
 * decided here before anything behind the edge runs; a path no rule names is refused (403), so a new
 * endpoint is closed until its line is added below. Administrators ({@link Groups#ADMIN}) may call
 * everything. The engine's own authorizations still apply behind an allowed rule (an agency reads the
 * task list, and the engine shows it its own tasks only).
 *
 * <p>Engine paths are written once, relative to the engine's root, and apply to every form that reaches
 * it: {@code /engine-rest/...}, {@code /engine-rest/engine/{name}/...} and Tasklist's
 * {@code /camunda/api/engine/engine/{name}/...}.
 */
public final class AccessRules {

    /** Who may call: a set of groups, any signed-in user, or anyone (no credentials). */
    public enum Who { PUBLIC, ANY_USER, GROUPS }

    public record Rule(String methods, Pattern path, Who who, Set<String> groups) {
        boolean matches(String method, String p) {
            return (methods.equals("*") || Set.of(methods.split(",")).contains(method)) && path.matcher(p).matches();
        }

        boolean admits(Collection<String> callerGroups, boolean signedIn) {
            return switch (who) {
                case PUBLIC -> true;
                case ANY_USER -> signedIn;
                case GROUPS -> signedIn && callerGroups.stream().anyMatch(groups::contains);
            };
        }
    }

    /** The decision for one request; {@code rule} is null when no rule names the path (default deny). */
    public record Decision(boolean allowed, Rule rule, String area) {
    }

    // the roles
    static final Set<String> STAFF = Set.of(Groups.COORDINATION_STAFF);
    static final Set<String> NEUTRAL = Set.of(Groups.NEUTRAL_PARTY);
    static final Set<String> STAFF_AND_NEUTRAL = Set.of(Groups.COORDINATION_STAFF, Groups.NEUTRAL_PARTY);
    /**
     * Those who work user tasks in Tasklist: the Staff, the agencies and the neutral party (its one user task,
     * "Verify the people of round N"; the engine's candidate-group authorizations show each group its own only).
     */
    static final Set<String> TASK_WORKERS;

    static {
        Set<String> w = new java.util.HashSet<>(Groups.AGENCIES);
        w.add(Groups.COORDINATION_STAFF);
        w.add(Groups.NEUTRAL_PARTY);
        TASK_WORKERS = Set.copyOf(w);
    }

    private static final String ID = "[^/]+";
    private static final String EX = "/api/exchanges/" + ID;

    private static final List<Rule> API = new ArrayList<>();
    private static final List<Rule> ENGINE = new ArrayList<>();
    private static final List<Rule> OTHER = new ArrayList<>();

    static {
        // ---- /api: the application's API (the controllers check the same groups again) ----
        api("GET,POST", "/api/exchanges", STAFF);
        api("GET", EX, STAFF);
        api("POST", EX + "/ratification", STAFF);
        api("GET", EX + "/audit", STAFF);
        api("POST", EX + "/sources/" + ID, STAFF);
        api("GET", EX + "/imports", STAFF);
        api("GET", EX + "/drafting/people", STAFF);
        api("POST", EX + "/candidates", STAFF);
        api("GET", EX + "/people", STAFF);
        api("GET,POST", EX + "/people/" + ID + "/proceedings", STAFF);
        api("POST", EX + "/people/" + ID + "/identity-doubt-confirmations", STAFF);
        // art. 119 names go to the other side; the neutral intermediary forwards them
        api("GET", EX + "/holdback-notice", STAFF_AND_NEUTRAL);
        // art. 122-123: the national information bureau's export, forwarded by the neutral party's tracing agency
        api("GET", EX + "/information-bureau", STAFF_AND_NEUTRAL);
        api("GET", EX + "/reviews", STAFF);
        api("GET", EX + "/review-record", STAFF);
        api("POST", EX + "/counterparty-lists", STAFF);
        api("GET", EX + "/reconciliation", STAFF);
        api("GET", EX + "/verification-requests", STAFF_AND_NEUTRAL);
        api("GET", EX + "/verification-results", STAFF_AND_NEUTRAL);
        api("POST", EX + "/verification-results", NEUTRAL);
        api("POST", EX + "/phases/" + ID + "/handover", STAFF);
        // the other side's manifest: the Staff or the neutral party at the crossing (an art. 119 hold-back on it: Staff only)
        api("POST", EX + "/phases/" + ID + "/manifest", STAFF_AND_NEUTRAL);
        // four eyes: a second Staff official corrects a confirmation (the controller refuses the first one)
        api("POST", EX + "/phases/" + ID + "/corrections", STAFF);
        api("GET", EX + "/phases/" + ID + "/report", STAFF);
        api("GET", EX + "/phases/" + ID + "/report\\.csv", STAFF);
        api("GET", EX + "/report", STAFF);

        // ---- the engine (paths relative to its root) ----
        engine("GET", "/engine", Who.ANY_USER, Set.of());
        engine("GET", "/version", Who.ANY_USER, Set.of());
        // Tasklist and the officials' clients: their tasks (the engine shows each group its own only)
        engine("GET,POST", "/task(/count)?", Who.GROUPS, TASK_WORKERS);
        engine("GET", "/task/" + ID, Who.GROUPS, TASK_WORKERS);
        engine("GET", "/task/" + ID + "/(form|deployed-form|form-variables|rendered-form|identity-links|comment|attachment)",
                Who.GROUPS, TASK_WORKERS);
        engine("GET", "/task/" + ID + "/comment/" + ID, Who.GROUPS, TASK_WORKERS);
        engine("POST", "/task/" + ID + "/(claim|unclaim|complete|submit-form)", Who.GROUPS, TASK_WORKERS);
        engine("POST", "/task/" + ID + "/comment/create", Who.GROUPS, TASK_WORKERS);
        engine("GET", "/task/report/candidate-group-count", Who.GROUPS, TASK_WORKERS);
        engine("GET", "/filter(/count)?", Who.GROUPS, TASK_WORKERS);
        engine("GET", "/filter/" + ID, Who.GROUPS, TASK_WORKERS);
        engine("GET,POST", "/filter/" + ID + "/(list|count|singleResult)", Who.GROUPS, TASK_WORKERS);
        // models are not secret: Tasklist shows process names and diagrams
        engine("GET", "/process-definition(/count)?", Who.GROUPS, TASK_WORKERS);
        engine("GET", "/process-definition/" + ID + "(/xml)?", Who.GROUPS, TASK_WORKERS);
        engine("GET", "/process-definition/key/" + ID + "(/xml)?", Who.GROUPS, TASK_WORKERS);
        engine("GET", "/user(/count)?", Who.GROUPS, TASK_WORKERS);
        engine("GET", "/user/" + ID + "/profile", Who.GROUPS, TASK_WORKERS);
        engine("GET,POST", "/group(/count)?", Who.GROUPS, TASK_WORKERS); // POST /group is Tasklist's group query
        engine("GET", "/identity/password-policy", Who.ANY_USER, Set.of());
        engine("GET", "/identity/groups", Who.GROUPS, TASK_WORKERS);
        engine("GET", "/history/(user-operation|identity-link-log)(/count)?", Who.GROUPS, TASK_WORKERS);
        // Tasklist asks which actions a resource offers (OPTIONS answers links, changes nothing)
        engine("OPTIONS", "/(filter|task|process-definition)(/" + ID + ")?(/comment|/attachment|/identity-links)?", Who.GROUPS, TASK_WORKERS);
        engine("GET", "/authorization/check", Who.GROUPS, TASK_WORKERS); // Tasklist asks what it may show
        // the neutral party: its external task and nothing else (ExternalTaskGuard checks topic and variables)
        engine("POST", "/external-task/fetchAndLock", Who.GROUPS, NEUTRAL);
        engine("POST", "/external-task/" + ID + "/(complete|failure|extendLock|bpmnError)", Who.GROUPS, NEUTRAL);
        engine("GET", "/external-task/" + ID, Who.GROUPS, NEUTRAL);
        // everything else of the engine (jobs, timers, incidents, migration, modification, variables,
        // messages, signals, process instances, deployments, identity, authorizations, history): administrators

        // ---- the rest of the edge ----
        other("GET", "/actuator/health(/liveness|/readiness)?", Who.PUBLIC, Set.of());
        other("GET", "/(v3/api-docs(/.*)?|swagger-ui\\.html|swagger-ui/.*)", Who.ANY_USER, Set.of());
    }

    private static void api(String methods, String path, Set<String> groups) {
        API.add(new Rule(methods, Pattern.compile(path + "/?"), Who.GROUPS, groups));
    }

    private static void engine(String methods, String path, Who who, Set<String> groups) {
        ENGINE.add(new Rule(methods, Pattern.compile(path + "/?"), who, groups));
    }

    private static void other(String methods, String path, Who who, Set<String> groups) {
        OTHER.add(new Rule(methods, Pattern.compile(path), who, groups));
    }

    private static final Pattern ENGINE_PATH = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine)(?:/engine/[^/]+)?(/.*)?$");

    private AccessRules() {
    }

    /** The path below the engine's root for any of its three prefixes, or null when not an engine path. */
    public static String enginePath(String path) {
        if (webappOwn(path)) {
            return null;
        }
        Matcher m = ENGINE_PATH.matcher(path);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) == null ? "/engine" : m.group(1);
    }

    /** Paths the Camunda webapps authorize themselves (their login, their plugins, the engine list). */
    static boolean webappOwn(String path) {
        return path.startsWith("/camunda/api/") && !path.startsWith("/camunda/api/engine/")
                || path.equals("/camunda/api/engine/engine/") || path.equals("/camunda/api/engine/engine"); // the engines, read before signing in
    }

    public static Decision decide(String method, String path, Collection<String> groups, boolean signedIn) {
        String m = method.toUpperCase();
        if ("HEAD".equals(m)) {
            m = "GET";
        }
        if (webappOwn(path)) {
            return new Decision(true, null, "webapp");
        }
        Table t = table(path);
        if (signedIn && groups.contains(Groups.ADMIN)) {
            return new Decision(true, null, t.area());
        }
        for (Rule r : t.rules()) {
            if (r.matches(m, t.path())) {
                return new Decision(r.admits(groups, signedIn), r, t.area());
            }
        }
        return new Decision(false, null, t.area());
    }

    /** The rules that apply to a path, and the path as they read it (an engine path without its prefix). */
    private record Table(String area, String path, List<Rule> rules) {
    }

    private static Table table(String path) {
        String engine = enginePath(path);
        if (engine != null) {
            return new Table("engine", engine, ENGINE);
        }
        if (path.equals("/api") || path.startsWith("/api/")) {
            return new Table("api", path, API);
        }
        return new Table("edge", path, OTHER);
    }

    /**
     * The methods the caller may use on a path that no rule names for the method it sent: those the rules name for
     * the path that {@link #decide} allows the caller. Not empty: the path is the caller's and
     * the method is wrong, a 405 with these in {@code Allow}; empty: the path is not the caller's at all, a 403
     * that tells nothing about what others may do there.
     */
    public static Set<String> methodsAdmitted(String path, Collection<String> groups, boolean signedIn) {
        Table t = table(path);
        Set<String> named = new java.util.TreeSet<>();
        for (Rule r : t.rules()) {
            if (!r.methods().equals("*") && r.path().matcher(t.path()).matches()) {
                named.addAll(List.of(r.methods().split(",")));
            }
        }
        named.removeIf(method -> !decide(method, path, groups, signedIn).allowed());
        return named;
    }

    /** The table, for the documentation and the access matrix test. */
    public static List<Rule> rules(String area) {
        return switch (area) {
            case "api" -> List.copyOf(API);
            case "engine" -> List.copyOf(ENGINE);
            default -> List.copyOf(OTHER);
        };
    }
}
