package org.powexchange.forms;

import java.util.Set;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

/**
 * A task listener that takes over what a Camunda Form submitted on completion. It declares the
 * fields it reads so the model test can prove every form field is read by the process.
 */
public interface TaskFormHandler extends TaskListener {

    Set<String> fieldsRead();

    /** The fields read where the model configures the listener with camunda:field elements. */
    default Set<String> fieldsRead(CamundaTaskListener configured) {
        return fieldsRead();
    }
}
