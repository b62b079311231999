package org.powexchange.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Cockpit as the administrator sees it: diagrams with tokens, called instances, incidents. */
final class CockpitPage {

    static final String PAGE = "Cockpit";
    private final Browser b;

    CockpitPage(Browser b) {
        this.b = b;
    }

    CockpitPage login(String user, String password) {
        b.forgetSession();
        b.signIn(PAGE, "/camunda/app/cockpit/default/#/login", user, password, "dashboard after sign-in of " + user,
                () -> b.visible(By.cssSelector("input[ng-model='username']")).isEmpty()
                        && b.visibleWithText(By.cssSelector("body"), "Running Process Instances") != null);
        return this;
    }

    /** The process definition's runtime view: its diagram with the tokens of all running instances. */
    CockpitPage openDefinition(String definitionId, String processName) {
        b.open("/camunda/app/cockpit/default/#/process-definition/" + definitionId + "/runtime");
        b.step(PAGE, "diagram of \"" + processName + "\"", () -> diagramShown() && b.visibleWithText(
                By.cssSelector("body"), processName) != null);
        return this;
    }

    CockpitPage openInstance(String processInstanceId, String processName) {
        b.open("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime");
        b.step(PAGE, "instance " + processInstanceId + " of \"" + processName + "\" with its diagram",
                () -> diagramShown() && b.visibleWithText(By.cssSelector("body"), processName) != null);
        return this;
    }

    private boolean diagramShown() {
        return !b.visible(By.cssSelector(".djs-container svg g.djs-element")).isEmpty();
    }

    /** The numbers on the badges (running tokens, incidents) Cockpit overlays on a diagram element. */
    List<String> badges(String elementId) {
        return b.visible(By.cssSelector(".djs-overlays[data-container-id='" + elementId + "'] .badge")).stream()
                .map(WebElement::getText).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Waits for an element of the diagram to carry a badge, e.g. a running token or an incident. */
    CockpitPage expectBadge(String elementId, String what) {
        b.step(PAGE, what + " on diagram element " + elementId, () -> !badges(elementId).isEmpty());
        return this;
    }

    /** Incident badges (red) on a diagram element. */
    CockpitPage expectIncidentBadge(String elementId) {
        b.step(PAGE, "incident badge on diagram element " + elementId, () -> !b.visible(By.cssSelector(
                ".djs-overlays[data-container-id='" + elementId + "'] .badge-important, "
                        + ".djs-overlays[data-container-id='" + elementId + "'] .badge-incident")).isEmpty());
        return this;
    }

    /** Opens a tab below the diagram (e.g. "Called Process Instances", "Incidents"). */
    CockpitPage tab(String name) {
        b.click(b.step(PAGE, "tab \"" + name + "\"", () -> b.visibleWithText(By.cssSelector(".nav-tabs a, ul.nav a"), name)));
        return this;
    }

    /** In the "Called Process Instances" tab: follows the link to the called instance. */
    CockpitPage followCalledInstance(String calledInstanceId, String processName) {
        b.click(b.step(PAGE, "link to called instance " + calledInstanceId, () ->
                b.visible(By.cssSelector("a[href*='" + calledInstanceId + "']")).stream().findFirst().orElse(null)));
        b.step(PAGE, "called instance of \"" + processName + "\"", () ->
                b.driver().getCurrentUrl().contains(calledInstanceId) && diagramShown()
                        && b.visibleWithText(By.cssSelector("body"), processName) != null);
        return this;
    }

    /** Waits for a text in the visible tab content, e.g. an incident's message. */
    CockpitPage expectText(String what, String text) {
        b.step(PAGE, what + " (\"" + text + "\")", () -> b.visibleWithText(By.cssSelector("body"), text) != null);
        return this;
    }
}
