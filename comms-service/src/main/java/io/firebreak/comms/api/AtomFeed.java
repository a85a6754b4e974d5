package io.firebreak.comms.api;

import io.firebreak.comms.domain.statuspage.StatusPage;
import java.time.Instant;
import java.util.List;

/** The status page's updates as an Atom 1.0 feed (RFC 4287): one entry per posted update, newest first. */
final class AtomFeed {

    private AtomFeed() {
    }

    static String of(List<StatusPage.PageIncident> incidents, Instant updated) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <id>urn:firebreak:status-page</id>\n  <title>Firebreak status</title>\n")
                .append("  <updated>").append(updated).append("</updated>\n")
                .append("  <link rel=\"self\" href=\"/api/v1/comms/status-page/feed.atom\"/>\n");
        incidents.stream().flatMap(i -> i.incident_updates().stream().map(u -> new Object[] {i, u}))
                .sorted((a, b) -> ((StatusPage.Update) b[1]).created_at().compareTo(((StatusPage.Update) a[1]).created_at()))
                .forEach(pair -> {
                    StatusPage.PageIncident i = (StatusPage.PageIncident) pair[0];
                    StatusPage.Update u = (StatusPage.Update) pair[1];
                    xml.append("  <entry>\n")
                            .append("    <id>urn:uuid:").append(u.id()).append("</id>\n")
                            .append("    <title>").append(escape(i.name() + " — " + u.status())).append("</title>\n")
                            .append("    <updated>").append(u.created_at()).append("</updated>\n")
                            .append("    <author><name>Firebreak</name></author>\n")
                            .append("    <content type=\"text\">").append(escape(u.body())).append("</content>\n")
                            .append("  </entry>\n");
                });
        return xml.append("</feed>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
