package org.powexchange.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.powexchange.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * Who is acting: the caller of {@code /api} (authenticated at the edge, {@link EdgeSecurity}) or the
 * user the engine runs for (Tasklist, engine REST). Steps run by the job executor act as "system".
 */
@Component
public class CurrentUser {

    public record Caller(String id, List<String> groups) {
        public boolean in(String group) {
            return groups.contains(group);
        }
    }

    private static final ThreadLocal<Caller> API_CALLER = new ThreadLocal<>();

    private final IdentityService identityService;

    public CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    static void set(Caller caller) {
        API_CALLER.set(caller);
    }

    static void clear() {
        API_CALLER.remove();
    }

    public String id() {
        Caller c = caller();
        return c == null ? "system" : c.id();
    }

    public Caller caller() {
        Caller c = API_CALLER.get();
        if (c != null) {
            return c;
        }
        Authentication a = identityService.getCurrentAuthentication();
        return a == null ? null : new Caller(a.getUserId(), a.getGroupIds() == null ? List.of() : a.getGroupIds());
    }

    /** Refuses with 403 unless the caller belongs to one of the groups (administrators always pass). */
    public Caller require(String... groups) {
        Caller c = caller();
        if (c == null) {
            throw ApiException.forbidden("authentication required");
        }
        if (c.in(Groups.ADMIN)) {
            return c;
        }
        for (String g : groups) {
            if (c.in(g)) {
                return c;
            }
        }
        throw ApiException.forbidden("this action is reserved to " + String.join(", ", Set.of(groups)));
    }
}
