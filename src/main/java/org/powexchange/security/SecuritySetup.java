package org.powexchange.security;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Groups, their authorizations and their Tasklist filters, created once and kept idempotent;
 * demo users only when the demo profile is on. Each agency sees its own filter and, through the
 * candidate-group authorizations Camunda grants per task, only its own tasks.
 */
@Component
public class SecuritySetup {

    /** key of bpmn/neutral-verification.bpmn (kept here: security does not import stage packages) */
    static final String NEUTRAL_VERIFICATION = "neutral-verification";

    private static final Logger log = LoggerFactory.getLogger(SecuritySetup.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final DemoProperties demo;

    public SecuritySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                         TaskService tasks, DemoProperties demo) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.demo = demo;
    }

    /** First of the start-up listeners: the demo seed and the simulated neutral party sign in as these users. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void onEngineReady(ApplicationReadyEvent event) {
        for (String group : Groups.ALL) {
            ensureGroup(group);
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // models are not secret; seeing process names in Tasklist needs read on definitions
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            Filter filter = ensureFilter(group);
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
        // the neutral party's system fetches, locks and completes the verification request (an external
        // task) through the engine REST API: read and update instances of that one process, nothing more
        grantAll(Groups.NEUTRAL_PARTY, Resources.PROCESS_DEFINITION, NEUTRAL_VERIFICATION,
                Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE);
        if (demo.enabled()) {
            demo.users().forEach(this::ensureDemoUser);
            log.warn("DEMO users are active ({}): never use this profile with real data", demo.users().size());
        }
    }

    private void ensureGroup(String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group g = identity.newGroup(id);
            g.setName(Groups.displayName(id));
            g.setType(Groups.NEUTRAL_PARTY.equals(id) ? "EXTERNAL" : "WORKFLOW");
            identity.saveGroup(g);
        }
    }

    private Filter ensureFilter(String group) {
        String name = Groups.displayName(group) + " – tasks";
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing;
        }
        Filter f = filters.newTaskFilter(name);
        f.setOwner(null);
        f.setQuery(tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks());
        f.setProperties(Map.of("description", "Open tasks of the " + Groups.displayName(group),
                "priority", Groups.ALL.indexOf(group), "refresh", true));
        return filters.saveFilter(f);
    }

    private void grant(String group, Resource resource, String resourceId, Permission permission) {
        boolean present = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).hasPermission(permission).count() > 0;
        if (!present) {
            Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setGroupId(group);
            a.setResource(resource);
            a.setResourceId(resourceId);
            a.addPermission(permission);
            authorizations.saveAuthorization(a);
        }
    }

    /** Several permissions on one resource: Camunda keeps one authorization per group and resource. */
    private void grantAll(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization a = authorizations.createAuthorizationQuery().groupIdIn(group).authorizationType(
                        Authorization.AUTH_TYPE_GRANT).resourceType(resource).resourceId(resourceId).singleResult();
        if (a == null) {
            a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setGroupId(group);
            a.setResource(resource);
            a.setResourceId(resourceId);
        }
        for (Permission p : permissions) {
            a.addPermission(p);
        }
        authorizations.saveAuthorization(a);
    }

    private void ensureDemoUser(DemoProperties.DemoUser u) {
        if (identity.createUserQuery().userId(u.id()).count() == 0) {
            User user = identity.newUser(u.id());
            user.setFirstName(u.name() == null ? u.id() : u.name());
            user.setLastName("(demo)");
            user.setEmail(u.id() + "@demo.invalid");
            user.setPassword(u.password());
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(u.id()).memberOfGroup(u.group()).count() == 0) {
            identity.createMembership(u.id(), u.group());
        }
    }
}
