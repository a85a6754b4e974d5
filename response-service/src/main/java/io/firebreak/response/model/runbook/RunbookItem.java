package io.firebreak.response.model.runbook;

/** One item of a runbook: a stable key, what to do, whether it is critical, and when it is due after the role is taken. */
public record RunbookItem(String key, String text, boolean critical, Integer dueMinutes) {
}
