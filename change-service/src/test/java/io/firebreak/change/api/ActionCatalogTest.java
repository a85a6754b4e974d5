package io.firebreak.change.api;

import static io.firebreak.change.api.ChangeFixtures.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.firebreak.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The versioned pre-authorised action catalog: admins change it, every change is a version in the audit chain. */
@QuarkusTest
class ActionCatalogTest {

    private static final String CATALOG = "/api/v1/change/action-catalog";

    private static io.restassured.response.ValidatableResponse put(String user, String role, Object body) {
        return given().auth().oauth2(Tokens.as(user, role)).contentType(ContentType.JSON).body(body).put(CATALOG).then();
    }

    @Test
    void theStartingCatalogHasTheFiveEmergencyActionsWithTheirParameters() {
        get("vera", "viewer", CATALOG).statusCode(200)
                .body("actions.name", hasItems("failover", "rollback", "config-toggle", "scale-out", "restart"))
                .body("actions.find { it.name == 'rollback' }.parameters", equalTo(List.of("fromVersion", "toVersion")))
                .body("actions.find { it.name == 'restart' }.icMayApprove", equalTo(false));
    }

    @Test
    void onlyAnAdminChangesTheCatalogEachChangeIsANewAuditedVersionAndAStaleVersionConflicts() {
        Map<String, Object> current = get("vera", "viewer", CATALOG).statusCode(200).extract().as(Map.class);
        int version = (Integer) current.get("version");
        List<Object> actions = new java.util.ArrayList<>((List<Object>) current.get("actions"));
        actions.add(Map.of("name", "drain-region", "description", "Move traffic out of a region", "parameters", List.of("region"),
                "targets", List.of(), "icMayApprove", true));

        put("carl", "change-approver", Map.of("actions", actions, "note", "add drain", "expectedVersion", version)).statusCode(403);
        put("root", "admin", Map.of("actions", actions, "note", "Add region draining", "expectedVersion", version)).statusCode(200)
                .body("version", equalTo(version + 1)).body("changedBy", equalTo("root")).body("actions.name", hasItem("drain-region"));
        put("root", "admin", Map.of("actions", actions, "note", "again", "expectedVersion", version)).statusCode(409)
                .body("detail", containsString("read it again"));
        get("aude", "auditor", CATALOG + "/versions/" + version).statusCode(200).body("version", equalTo(version));
        get("aude", "auditor", "/api/v1/change/admin/audit/action-catalog/records?limit=1000").statusCode(200)
                .body("items.content.note", hasItem("Add region draining"));
        get("aude", "auditor", "/api/v1/change/admin/audit/action-catalog/verification").statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aMalformedCatalogIsRefusedFieldByFieldAndChangesNothing() {
        int before = get("vera", "viewer", CATALOG).statusCode(200).extract().path("version");
        put("root", "admin", Map.of("actions", List.of(Map.of("name", "Bad Name", "description", "", "parameters", List.of("ok", "ok"))),
                "note", "broken")).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("actions[0].name", "actions[0].description", "actions[0].parameters[1]"));
        put("root", "admin", Map.of("actions", List.of())).statusCode(400).body("violations.field", hasItems("actions", "note"));
        get("vera", "viewer", CATALOG).statusCode(200).body("version", equalTo(before));
    }
}
