package io.firebreak.comms.api;

import io.firebreak.comms.domain.language.ApprovedLanguage;
import io.firebreak.comms.model.Audience;
import io.firebreak.comms.model.LanguageApproval;
import io.firebreak.comms.model.LanguageState;
import io.firebreak.comms.model.Scenario;
import io.firebreak.comms.model.SnippetVersion;
import io.firebreak.comms.model.TemplateVersion;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** How templates, snippets and their approvals look in the API. */
final class LanguageViews {

    private LanguageViews() {
    }

    record ApprovalView(String approver, String role, Instant approvedAt) {
        static ApprovalView of(LanguageApproval a) {
            return new ApprovalView(a.approver, a.approverRole, a.approvedAt);
        }
    }

    record TemplateView(UUID id, Audience audience, Scenario scenario, int version, String subject, String body, LanguageState state,
                        String authoredBy, Instant authoredAt, List<ApprovalView> approvals, String stillNeeds, Instant decidedAt,
                        String rejectionReason) {
        static TemplateView of(ApprovedLanguage.Versioned<TemplateVersion> v) {
            TemplateVersion t = v.version();
            return new TemplateView(t.id, t.audience, t.scenario, t.version, t.subject, t.body, t.state, t.authoredBy, t.authoredAt,
                    v.approvals().stream().map(ApprovalView::of).toList(), v.missing(), t.decidedAt, t.rejectionReason);
        }
    }

    record SnippetView(UUID id, String name, int version, String text, LanguageState state, String authoredBy, Instant authoredAt,
                       List<ApprovalView> approvals, String stillNeeds, Instant decidedAt, String rejectionReason) {
        static SnippetView of(ApprovedLanguage.Versioned<SnippetVersion> v) {
            SnippetVersion s = v.version();
            return new SnippetView(s.id, s.name, s.version, s.text, s.state, s.authoredBy, s.authoredAt,
                    v.approvals().stream().map(ApprovalView::of).toList(), v.missing(), s.decidedAt, s.rejectionReason);
        }
    }

    record RejectRequest(String reason) {
    }
}
