package org.powexchange.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Staff chair opens the exchange board from Tasklist's header and watches the clock; an agency is refused. */
class BoardBrowserTest extends BrowserTest {

    static final String PAGE = "Exchange board";

    @Test
    void theStaffSeesTheBoardFromTasklistAndTheCountdownMoves() {
        String ex = exchangeInHandover("BROWSER-BOARD-1");
        new TasklistPage(browser).login("staff", "demo-staff-pw");
        WebElement link = browser.step(TasklistPage.PAGE, "\"Exchange board\" in the header",
                () -> browser.visibleWithText(By.cssSelector("a.pow-board-link"), "Exchange board"));
        browser.click(link);

        By section = By.cssSelector("section.exchange[data-exchange='" + ex + "']");
        browser.step(PAGE, "the exchange with its stage, phases, clock and open tasks", () -> {
            WebElement s = browser.visible(section).stream().findFirst().orElse(null);
            return s != null && s.getText().contains("BROWSER-BOARD-1") && s.getText().contains("HANDOVER")
                    && s.getText().contains("Record the other side's manifest") && !s.findElements(By.cssSelector("[data-countdown]")).isEmpty();
        });
        By deadline = By.cssSelector("section.exchange[data-exchange='" + ex + "'] tr[data-phase='1'] [data-countdown]");
        String before = browser.driver().findElements(deadline).get(1).getText();
        // ratified an hour ago: the 48-hour deadline is 47 hours away and counting down
        assertThat(before).startsWith("in 46 h");
        String after = browser.step(PAGE, "the countdown to the 48-hour deadline has moved", () -> {
            String now = browser.driver().findElements(deadline).get(1).getText();
            return now.equals(before) ? null : now;
        });
        assertThat(after).startsWith("in 46 h").isNotEqualTo(before);
        assertThat(browser.driver().findElements(deadline).get(0).getText()).as("36-hour warning").startsWith("in 34 h");

        browser.driver().findElement(By.id("search")).sendKeys("Тестенко");
        browser.driver().findElement(By.cssSelector("#search-form button")).click();
        browser.step(PAGE, "Testenko found by the Cyrillic spelling of the name", () ->
                browser.visibleWithText(By.cssSelector("#search-results td"), "Testenko Ivan") != null);
    }

    @Test
    void anAgencyUserIsRefused() {
        new TasklistPage(browser).login("defence", "demo-defence-pw");
        // the link would appear once the board's access check has answered: wait for the answer, then look
        browser.step(TasklistPage.PAGE, "the board's access check answered \"refused\"", () ->
                !browser.driver().findElements(By.cssSelector("[data-pow-board-access='refused']")).isEmpty());
        assertThat(browser.visible(By.cssSelector("a.pow-board-link"))).as("\"Exchange board\" link for an agency").isEmpty();
        browser.open("/board/");
        browser.step(PAGE, "403 for the Ministry of Defence", () ->
                browser.visibleWithText(By.cssSelector("h1"), "403") != null);
        assertThat(browser.driver().getPageSource()).doesNotContain("BROWSER-BOARD");
    }
}
