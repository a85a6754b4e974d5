package io.firebreak.response.model.oncall;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A way to reach a person; paging uses it only once verified. */
@Entity
@Table(name = "contact_method")
public class ContactMethod {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String person;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactKind kind;

    @Column(nullable = false)
    public String address;

    public String label;

    @Column(name = "signing_secret")
    public String signingSecret;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "code_expires_at")
    public Instant codeExpiresAt;

    @Column(name = "code_attempts", nullable = false)
    public int codeAttempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean verified() {
        return verifiedAt != null;
    }
}
