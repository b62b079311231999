package org.powexchange.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.powexchange.IntegrationTest;
import org.powexchange.forms.TaskFormHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every model and form, as shipped in bpmn/ and forms/: deployed by the running application,
 * complete diagram interchange, a resolvable form per user task, and no form field that the
 * process never reads.
 */
class ModelsTest extends IntegrationTest {

    /** form-js components that submit a value */
    private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "datetime", "checkbox",
            "radio", "select", "checklist", "taglist");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Autowired
    RepositoryService repository;
    @Autowired
    ApplicationContext context;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyProcessModelIsDeployedAndComplete() throws IOException {
        List<Path> models = files("bpmn", ".bpmn");
        assertThat(models).isNotEmpty();
        List<String> findings = new ArrayList<>();
        Set<String> processIds = new HashSet<>();
        for (Path file : models) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            Bpmn.validateModel(model);
            for (Process p : model.getModelElementsByType(Process.class)) {
                processIds.add(p.getId());
                assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(p.getId()).count())
                        .as("process %s from %s is deployed", p.getId(), file).isPositive();
            }
            for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
                if (n.getDiagramElement() == null) {
                    findings.add(file.getFileName() + ": " + n.getId() + " has no diagram shape");
                }
            }
            for (SequenceFlow f : model.getModelElementsByType(SequenceFlow.class)) {
                if (f.getDiagramElement() == null) {
                    findings.add(file.getFileName() + ": sequence flow " + f.getId() + " has no diagram edge");
                }
            }
        }
        for (Path file : models) {
            for (CallActivity c : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(CallActivity.class)) {
                if (!processIds.contains(c.getCalledElement())) {
                    findings.add(file.getFileName() + ": " + c.getId() + " calls unknown " + c.getCalledElement());
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void everyDecisionTableParsesAndIsDeployed() throws IOException {
        for (Path file : files("bpmn", ".dmn")) {
            var model = Dmn.readModelFromFile(file.toFile());
            Dmn.validateModel(model);
            model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class).forEach(d ->
                    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(d.getId()).count())
                            .as("decision %s deployed", d.getId()).isPositive());
        }
    }

    @Test
    void everyUserTaskHasAFormWhoseFieldsTheProcessReads() throws IOException {
        Map<String, JsonNode> forms = new HashMap<>();
        for (Path f : files("forms", ".form")) {
            JsonNode form = json.readTree(f.toFile());
            assertThat(form.path("id").asText()).as("form id of %s", f).isEqualTo(
                    f.getFileName().toString().replace(".form", ""));
            forms.put(form.path("id").asText(), form);
        }
        List<String> findings = new ArrayList<>();
        for (Path file : files("bpmn", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            Set<String> readByExpressions = identifiersInExpressions(Files.readString(file));
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String ref = task.getCamundaFormRef();
                JsonNode form = ref == null ? null : forms.get(ref);
                if (form == null) {
                    findings.add(file.getFileName() + ": " + task.getId() + " has no resolvable form (" + ref + ")");
                    continue;
                }
                Set<String> read = new HashSet<>(readByExpressions);
                for (CamundaTaskListener l : task.getExtensionElements() == null ? List.<CamundaTaskListener>of()
                        : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list()) {
                    String expr = l.getCamundaDelegateExpression();
                    if (expr != null && "complete".equals(l.getCamundaEvent())) {
                        Object bean = context.getBean(expr.substring(2, expr.length() - 1));
                        if (bean instanceof TaskFormHandler h) {
                            read.addAll(h.fieldsRead(l));
                        }
                    }
                }
                for (String key : inputKeys(form.path("components"))) {
                    if (!read.contains(key)) {
                        findings.add(file.getFileName() + ": " + task.getId() + " form " + ref + " field '" + key
                                + "' is never read by the process");
                    }
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    private static List<String> inputKeys(JsonNode components) {
        List<String> keys = new ArrayList<>();
        for (JsonNode c : components) {
            if ("dynamiclist".equals(c.path("type").asText())) {
                // a dynamic list submits its rows as one variable named by its path
                if (c.has("path") && !c.path("disabled").asBoolean(false)) {
                    keys.add(c.path("path").asText());
                }
                continue;
            }
            if (c.has("components")) {
                keys.addAll(inputKeys(c.path("components")));
            }
            boolean display = c.path("disabled").asBoolean(false) || c.path("readonly").asBoolean(false);
            if (INPUTS.contains(c.path("type").asText()) && c.has("key") && !display) {
                keys.add(c.path("key").asText());
            }
        }
        return keys;
    }

    private static Set<String> identifiersInExpressions(String xml) {
        Set<String> ids = new HashSet<>();
        Matcher m = EXPRESSION.matcher(xml);
        while (m.find()) {
            Matcher i = IDENTIFIER.matcher(m.group(1));
            while (i.find()) {
                ids.add(i.group());
            }
        }
        return ids;
    }

    private static List<Path> files(String dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(Path.of(dir))) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
