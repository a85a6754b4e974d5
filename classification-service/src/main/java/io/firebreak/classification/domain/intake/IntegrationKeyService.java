package io.firebreak.classification.domain.intake;

import io.firebreak.classification.model.intake.IntegrationKey;
import io.firebreak.platform.security.Actor;
import io.firebreak.classification.domain.catalog.CatalogService;
import io.firebreak.classification.persistence.IntegrationKeyRepository;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.hibernate.reactive.panache.Panache;

/**
 * Integration (routing) keys: 32 random hex characters, shown once, stored as SHA-256. Lookups at
 * intake are cached for a few seconds, so a burst of alerts costs no database round trip per event;
 * a revocation is immediate on the replica that made it and takes at most the cache time elsewhere.
 */
@ApplicationScoped
public class IntegrationKeyService {

    /** What intake needs to know about an accepted key. */
    public record KeyIdentity(UUID id, String service, String name) {
    }

    /** A new key: the only time its secret is visible. */
    public record IssuedKey(IntegrationKey key, String secret) {
    }

    private static final Duration CACHE_TTL = Duration.ofSeconds(5);
    private static final SecureRandom RANDOM = new SecureRandom();


    private final IntegrationKeyRepository keys;
    private final CatalogService catalog;
    private final Clock clock;
    /**
     * Lookups by key hash, found or not, for a few seconds: bounded, so random keys cannot fill the heap;
     * entries of a rotated or revoked key are dropped after its transaction commits.
     */
    private final Cache<String, Optional<KeyIdentity>> cache = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(CACHE_TTL).build();

    public IntegrationKeyService(IntegrationKeyRepository keys, CatalogService catalog, Clock clock) {
        this.keys = keys;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A service's keys, newest first: its owners, admins and auditors may read them. */
    @WithSession
    public Uni<List<IntegrationKey>> list(String service, Actor actor) {
        return catalog.existing(service).invoke(s -> actor.requireOwnerAdminOrAuditor(s.owners, service))
                .chain(s -> keys.of(service));
    }

    @WithTransaction
    public Uni<IssuedKey> create(String service, String name, Actor actor) {
        return catalog.existing(service).chain(s -> {
            actor.requireOwnerOrAdmin(s.owners, service);
            return issue(service, name, actor);
        });
    }

    /**
     * Issues a replacement and revokes the old key in one transaction; the old key's cache entry goes
     * after the commit (dropped earlier, a lookup before the commit would cache it as valid again).
     */
    public Uni<IssuedKey> rotate(UUID id, Actor actor) {
        String[] revokedHash = new String[1];
        return Panache.withTransaction(() -> active(id).chain(old -> catalog.existing(old.service).chain(s -> {
            actor.requireOwnerOrAdmin(s.owners, old.service);
            return issue(old.service, old.name, actor).invoke(issued -> {
                old.status = IntegrationKey.Status.REVOKED;
                old.revokedAt = clock.instant();
                old.replacedBy = issued.key().id;
                revokedHash[0] = old.keyHash;
            });
        }))).invoke(() -> cache.invalidate(revokedHash[0]));
    }

    /** Revokes a key; its cache entry goes after the commit. */
    public Uni<IntegrationKey> revoke(UUID id, Actor actor) {
        return Panache.withTransaction(() -> active(id).chain(key -> catalog.existing(key.service).map(s -> {
            actor.requireOwnerOrAdmin(s.owners, key.service);
            key.status = IntegrationKey.Status.REVOKED;
            key.revokedAt = clock.instant();
            return key;
        }))).invoke(key -> cache.invalidate(key.keyHash));
    }

    /** The identity behind a raw key, or empty when it is unknown or revoked. */
    public Uni<Optional<KeyIdentity>> authenticate(String rawKey) {
        if (rawKey == null || rawKey.isBlank()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String hash = hash(rawKey);
        Optional<KeyIdentity> cached = cache.getIfPresent(hash);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return keys.activeByHash(hash).map(k -> {
            Optional<KeyIdentity> identity = Optional.ofNullable(k).map(x -> new KeyIdentity(x.id, x.service, x.name));
            cache.put(hash, identity);
            return identity;
        });
    }

    private Uni<IntegrationKey> active(UUID id) {
        return keys.findById(id).chain(k -> k == null ? Uni.createFrom().failure(ProblemException.notFound("Integration key", id))
                : k.status != IntegrationKey.Status.ACTIVE
                        ? Uni.createFrom().failure(ProblemException.conflict("Integration key " + id + " is already revoked"))
                        : Uni.createFrom().item(k));
    }

    private Uni<IssuedKey> issue(String service, String name, Actor actor) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        IntegrationKey key = new IntegrationKey();
        key.id = UUID.randomUUID();
        key.service = service;
        key.name = name;
        key.keyHash = hash(secret);
        key.keyPrefix = secret.substring(0, 6);
        key.status = IntegrationKey.Status.ACTIVE;
        key.createdBy = actor.user();
        key.createdAt = clock.instant();
        return keys.persist(key).map(k -> new IssuedKey(k, secret));
    }

    static String hash(String raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
