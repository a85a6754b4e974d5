package io.firebreak.review.domain.trackers;

/**
 * Where a team's action items go: GitHub Issues of {@code repository} (owner/name) or a Jira project
 * ({@code projectKey}, {@code issueType}, closed with transition {@code doneTransition}), reached at {@code apiUrl}
 * (https://api.github.com, https://your-site.atlassian.net) with the named delivery credential.
 */
public record TrackerTarget(Kind kind, String apiUrl, String repository, String projectKey, String issueType, String doneTransition,
                            String credential) {

    public enum Kind { GITHUB, JIRA }

    public TrackerApi api() {
        return kind == Kind.GITHUB ? new GitHubIssues(this) : new JiraIssues(this);
    }

    /** The API base without a trailing slash. */
    String base() {
        return apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }
}
