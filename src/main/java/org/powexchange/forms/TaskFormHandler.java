package org.powexchange.forms;

import java.util.Set;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A task listener that takes over what a Camunda Form submitted on completion. It declares the
 * fields it reads so the model test can prove every form field is read by the process.
 */
public interface TaskFormHandler extends TaskListener {

    Set<String> fieldsRead();
}
