package org.powexchange.review;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.security.Groups;
import org.springframework.stereotype.Component;

/** The two deadline steps of the agency reviews, fired by the boundary timers of "Agency reviews". */
final class ReviewDeadlineDelegates {

    private ReviewDeadlineDelegates() {
    }

    static List<Task> openReviews(TaskService tasks, DelegateExecution execution) {
        return tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyLike("Task_Review%").list();
    }

    static List<String> agencies(TaskService tasks, List<Task> open) {
        return open.stream().map(t -> (String) tasks.getVariable(t.getId(), ReviewProcess.AGENCY)).toList();
    }

    /** "Remind the agencies still reviewing": a comment on each open review (seen in Tasklist), raised priority. */
    @Component("remindAgencies")
    static class Remind implements JavaDelegate {

        private final TaskService tasks;
        private final ReviewService service;

        Remind(TaskService tasks, ReviewService service) {
            this.tasks = tasks;
            this.service = service;
        }

        @Override
        public void execute(DelegateExecution execution) {
            List<Task> open = openReviews(tasks, execution);
            for (Task t : open) {
                t.setPriority(Math.max(t.getPriority(), 75));
                tasks.saveTask(t);
                tasks.createComment(t.getId(), execution.getProcessInstanceId(),
                        "Reminder: this review is due at " + t.getDueDate());
            }
            service.remind(UUID.fromString((String) execution.getVariable(ExchangeProcess.VAR_EXCHANGE_ID)),
                    agencies(tasks, open));
        }
    }

    /**
     * "Escalate overdue reviews to the Staff": each open review also goes to the Coordination Staff's
     * Tasklist filter at top priority; the overdue agencies are named in variable escalatedAgencies (Cockpit).
     */
    @Component("escalateOverdueReviews")
    static class Escalate implements JavaDelegate {

        private final TaskService tasks;
        private final ReviewService service;

        Escalate(TaskService tasks, ReviewService service) {
            this.tasks = tasks;
            this.service = service;
        }

        @Override
        public void execute(DelegateExecution execution) {
            List<Task> open = openReviews(tasks, execution);
            for (Task t : open) {
                t.setPriority(100);
                tasks.saveTask(t);
                tasks.addCandidateGroup(t.getId(), Groups.COORDINATION_STAFF);
                tasks.createComment(t.getId(), execution.getProcessInstanceId(),
                        "Overdue since " + t.getDueDate() + ": escalated to the "
                                + Groups.displayName(Groups.COORDINATION_STAFF));
            }
            List<String> late = service.escalate(
                    UUID.fromString((String) execution.getVariable(ExchangeProcess.VAR_EXCHANGE_ID)), agencies(tasks, open));
            execution.setVariable(ReviewProcess.ESCALATED, String.join(",", late));
        }
    }
}
