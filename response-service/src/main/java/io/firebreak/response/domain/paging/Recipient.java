package io.firebreak.response.domain.paging;

import io.firebreak.response.model.oncall.ResponseRole;

/** Someone to page, and for which team and role. */
public record Recipient(String person, String teamId, ResponseRole role) {
}
