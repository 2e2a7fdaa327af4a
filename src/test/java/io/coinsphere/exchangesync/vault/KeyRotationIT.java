package io.coinsphere.exchangesync.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.auth.AdminGrants;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.LeakWatch;
import io.coinsphere.exchangesync.support.ServiceInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Master key rotation end to end, across restarts on one PostgreSQL: connect under key A, restart with A and B
 * (B newest) and sync, re-encrypt while a user replaces a key mid-pass, run the admin command, restart with only
 * B and sync again. A row that cannot be decrypted is reported by the run, and a plain user is refused.
 */
class KeyRotationIT {

    private static final ExchangeEmulator EMULATOR = ExchangeEmulator.start();
    private static final String ADMIN_EMAIL = "vault-admin@example.com";
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static final String KEY_A = randomKey();
    private static final String KEY_B = randomKey();
    /** Rows beyond the API-made ones, so the run needs several batches. */
    private static final int EXTRA_ROWS = 120;

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate db;
    private static Path dataDir;

    @BeforeAll
    static void database() throws Exception {
        LeakWatch.install();
        LeakWatch.secret(KEY_A);
        LeakWatch.secret(KEY_B);
        LeakWatch.secret(PASSWORD);
        postgres = EmbeddedPostgres.builder().start();
        db = new JdbcTemplate(new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", true));
        dataDir = Files.createTempDirectory("coinsphere-rotation-");
        for (ExchangeId id : ExchangeId.values()) {
            EMULATOR.disableRateLimit(id);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        EMULATOR.close();
        postgres.close();
        assertThat(LeakWatch.leaks()).as("secrets seen in logs or responses").isEmpty();
    }

    @Test
    void rotateReEncryptAndRemoveTheOldKey() throws Exception {
        EmulatedAccount kucoin = account(ExchangeId.KUCOIN).setBalance("BTC", new BigDecimal("1.5"), BigDecimal.ZERO);
        EmulatedAccount binance = account(ExchangeId.BINANCE).setBalance("ETH", new BigDecimal("3"), BigDecimal.ZERO);
        EmulatedAccount replaced = account(ExchangeId.KRAKEN).setBalance("XXBT", new BigDecimal("0.25"), BigDecimal.ZERO);
        EmulatedAccount replacement = account(ExchangeId.KRAKEN).setBalance("XXBT", new BigDecimal("0.5"), BigDecimal.ZERO);
        String keyIdA = AesGcmCredentialVault.keyIdOf(Base64.getDecoder().decode(KEY_A));
        UUID kucoinId;
        UUID binanceId;
        UUID krakenId;
        UUID tamperedId;
        String userEmail = "rotation-" + UUID.randomUUID() + "@example.com";

        // 1. Today's configuration: one ENCRYPTION_KEY.
        try (ServiceInstance one = start("--coinsphere.vault.encryption-key=" + KEY_A)) {
            ApiClient user = register(one, userEmail);
            kucoinId = connect(user, kucoin);
            binanceId = connect(user, binance);
            krakenId = connect(user, replaced);
            tamperedId = connect(user, account(ExchangeId.BINANCE));
            awaitRuns(kucoinId, 1);
            awaitRuns(krakenId, 1);
            insertExtraRows(one.bean(CredentialVault.class), userIdOf(kucoinId));
            insertRow(one.bean(CredentialVault.class), userIdOf(kucoinId), "twice-connected-key");
        }
        assertThat(keyIdsOf(kucoinId)).containsOnly(keyIdA);
        // A stored credential that no key can open: the run must report it, not stop on it.
        // (The key column's envelope in the secret column: well-formed, but bound to another column.)
        db.update("UPDATE exchange_connections SET api_secret_encrypted = api_key_encrypted WHERE id = ?", tamperedId);

        // 2. B added as the newest key, A kept under a name: old rows still decrypt, new rows use B.
        try (ServiceInstance two = start("--coinsphere.vault.encryption-keys=kB:" + KEY_B + ",kA:" + KEY_A,
                "--coinsphere.vault.re-encrypt-batch-size=25")) {
            ApiClient user = login(two, userEmail);
            ApiClient admin = admin(two);
            // The same key stored again under B, as an instance whose duplicate check knew only B could have done:
            // re-keying the first row's fingerprint then collides, and the run must keep going.
            insertRow(two.bean(CredentialVault.class), userIdOf(kucoinId), "twice-connected-key");
            syncNow(user, kucoinId);
            assertThat(holdingOf(kucoinId, "BTC")).isEqualByComparingTo("1.5");

            // A plain user never reaches the admin commands.
            assertThat(user.get("/api/v1/admin/vault/keys").status()).isEqualTo(403);
            assertThat(user.post("/api/v1/admin/vault/re-encrypt", null).status()).isEqualTo(403);
            assertThat(new ApiClient(two.port(), null).post("/api/v1/admin/vault/re-encrypt", null).status()).isEqualTo(401);
            assertThat(keyIdsOf(kucoinId)).as("nothing re-encrypted by a refused call").containsOnly(keyIdA);

            ApiClient.Response keys = admin.get("/api/v1/admin/vault/keys");
            assertThat(keys.status()).as(keys.raw()).isEqualTo(200);
            assertThat(usage(keys.body(), keyIdA).get("connections").asInt()).isEqualTo(5 + EXTRA_ROWS);
            assertThat(usage(keys.body(), keyIdA).get("current").asBoolean()).isFalse();
            assertThat(usage(keys.body(), "kB").get("current").asBoolean()).isTrue();
            assertThat(keys.raw()).doesNotContain(KEY_A).doesNotContain(KEY_B).doesNotContain("v1:");

            // The main pass, with a user replacing the Kraken key between the moment the pass read that row and
            // the moment it writes it back: the user's new key must survive (the pass must skip that row).
            CredentialReEncryption racing = new CredentialReEncryption(replacingDuringWrite(two, krakenId, () -> {
                ApiClient.Response put = user.put("/api/v1/exchanges/connections/" + krakenId + "/credentials",
                        Map.of("apiKey", replacement.apiKey(), "apiSecret", replacement.apiSecret()));
                assertThat(put.status()).as(put.raw()).isEqualTo(200);
            }), two.bean(PlatformTransactionManager.class), two.bean(AesGcmCredentialVault.class),
                    two.bean(VaultProperties.class));
            CredentialReEncryption.Result pass = racing.reEncryptAll();
            assertThat(pass.currentKeyId()).isEqualTo("kB");
            assertThat(pass.scanned()).isEqualTo(5 + EXTRA_ROWS);
            assertThat(pass.changedConcurrently()).as("the Kraken row, replaced meanwhile").isEqualTo(1);
            assertThat(pass.reEncrypted()).isEqualTo(3 + EXTRA_ROWS);
            assertThat(pass.duplicateKeys()).isEqualTo(1);
            assertThat(pass.failed()).isEqualTo(1);
            assertThat(pass.failedConnections()).containsExactly(tamperedId);
            assertThat(pass.remaining()).as("only the undecryptable row").isEqualTo(1);
            assertThat(keyIdsOf(krakenId)).as("the user's replacement, written with the current key").containsOnly("kB");
            assertThat(db.queryForObject("SELECT count(*) FROM exchange_connections WHERE id <> ? AND ("
                    + " split_part(api_key_encrypted, ':', 2) <> 'kB' OR split_part(api_secret_encrypted, ':', 2) <> 'kB'"
                    + " OR split_part(coalesce(passphrase_encrypted, 'v1:kB'), ':', 2) <> 'kB')", Integer.class, tamperedId))
                    .as("every other row under B").isZero();

            // The admin command: a run now finds only the broken row, and reports it.
            ApiClient.Response run = admin.post("/api/v1/admin/vault/re-encrypt", null);
            assertThat(run.status()).as(run.raw()).isEqualTo(200);
            JsonNode result = run.body();
            assertThat(result.get("currentKeyId").asText()).isEqualTo("kB");
            assertThat(result.get("complete").asBoolean()).isFalse();
            assertThat(result.get("scanned").asInt()).isEqualTo(1);
            assertThat(result.get("failed").asInt()).isEqualTo(1);
            assertThat(result.get("failedConnections")).extracting(JsonNode::asText).containsExactly(tamperedId.toString());
            assertThat(result.get("remaining").asInt()).isEqualTo(1);
            assertThat(run.raw()).doesNotContain(KEY_A).doesNotContain(KEY_B).doesNotContain("v1:");
            assertThat(usage(admin.get("/api/v1/admin/vault/keys").body(), "kB").get("connections").asInt())
                    .isEqualTo(5 + EXTRA_ROWS);
            syncNow(user, krakenId);
        }
        db.update("DELETE FROM exchange_connections WHERE id = ?", tamperedId);

        // 3. A removed from configuration: everything still decrypts and syncs, and duplicates are still found.
        try (ServiceInstance three = start("--coinsphere.vault.encryption-keys=kB:" + KEY_B)) {
            ApiClient user = login(three, userEmail);
            kucoin.setBalance("BTC", new BigDecimal("2"), BigDecimal.ZERO);
            syncNow(user, kucoinId);
            syncNow(user, binanceId);
            syncNow(user, krakenId);
            assertThat(holdingOf(kucoinId, "BTC")).isEqualByComparingTo("2");
            assertThat(holdingOf(binanceId, "ETH")).isEqualByComparingTo("3");
            assertThat(holdingOf(krakenId, "BTC")).as("the replacement key's balance").isEqualByComparingTo("0.5");
            assertThat(db.queryForObject("SELECT status FROM exchange_connections WHERE id = ?", String.class, kucoinId))
                    .isEqualTo("active");
            ApiClient.Response again = user.post("/api/v1/exchanges/connect", credentials(kucoin));
            assertThat(again.status()).as("fingerprints were re-keyed: " + again.raw()).isEqualTo(409);
            ApiClient.Response keys = admin(three).get("/api/v1/admin/vault/keys");
            assertThat(keys.body().get("remaining").asInt()).isZero();
            assertThat(keys.body().get("keys")).extracting(k -> k.get("keyId").asText()).containsExactly("kB");
        }
    }

    /**
     * The instance's database access, but {@code replace} runs (and commits, through the API) just before the
     * batch that holds {@code connectionId} is written, after that batch was read.
     */
    private static NamedParameterJdbcTemplate replacingDuringWrite(ServiceInstance instance, UUID connectionId, Runnable replace) {
        return new NamedParameterJdbcTemplate(instance.bean(DataSource.class)) {
            private boolean replaced;

            @Override
            public int[] batchUpdate(String sql, SqlParameterSource[] batch) {
                if (!replaced && Arrays.stream(batch).anyMatch(row -> connectionId.equals(row.getValue("id")))) {
                    replaced = true;
                    replace.run();
                }
                return super.batchUpdate(sql, batch);
            }
        };
    }

    private static ServiceInstance start(String... keys) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--coinsphere.data-dir=" + dataDir,
                "--coinsphere.kafka.enabled=false",
                "--coinsphere.sync.fanout-enabled=false",
                "--coinsphere.security.admin-emails=" + ADMIN_EMAIL,
                "--coinsphere.sync.retry.initial-delay=50ms"));
        args.addAll(List.of(keys));
        return ServiceInstance.start("rotation", EMULATOR, args.toArray(String[]::new));
    }

    private static ApiClient register(ServiceInstance instance, String email) {
        ApiClient anonymous = new ApiClient(instance.port(), null);
        assertThat(anonymous.post("/api/v1/auth/register", ApiClient.json("email", email, "password", PASSWORD)).status())
                .isEqualTo(201);
        return login(instance, email);
    }

    private static ApiClient login(ServiceInstance instance, String email) {
        ApiClient anonymous = new ApiClient(instance.port(), null);
        ApiClient.Response login = anonymous.post("/api/v1/auth/login", ApiClient.json("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return anonymous.withToken(login.text("accessToken"));
    }

    private static ApiClient admin(ServiceInstance instance) {
        new ApiClient(instance.port(), null).post("/api/v1/auth/register",
                ApiClient.json("email", ADMIN_EMAIL, "password", PASSWORD));
        // The role goes to existing accounts at start-up (AdminGrants): the grant a restart would make.
        instance.bean(AdminGrants.class).apply();
        return login(instance, ADMIN_EMAIL);
    }

    private static EmulatedAccount account(ExchangeId exchange) {
        EmulatedAccount account = EMULATOR.addAccount(exchange);
        LeakWatch.secret(account.apiSecret());
        LeakWatch.secret(account.passphrase());
        return account;
    }

    private static Map<String, Object> credentials(EmulatedAccount account) {
        return ApiClient.json("exchange", account.exchange().id(), "apiKey", account.apiKey(),
                "apiSecret", account.apiSecret(), "passphrase", account.passphrase());
    }

    private static UUID connect(ApiClient user, EmulatedAccount account) {
        ApiClient.Response response = user.post("/api/v1/exchanges/connect", credentials(account));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return UUID.fromString(response.text("connectionId"));
    }

    /** Rows written straight to the table with the running instance's vault, as the connect flow writes them. */
    private static void insertExtraRows(CredentialVault vault, UUID userId) {
        for (int i = 0; i < EXTRA_ROWS; i++) {
            insertRow(vault, userId, "extra-key-" + UUID.randomUUID());
        }
    }

    private static void insertRow(CredentialVault vault, UUID userId, String apiKey) {
        UUID id = UUID.randomUUID();
        db.update("""
                INSERT INTO exchange_connections (id, user_id, portfolio_id, exchange, api_key_encrypted,
                    api_secret_encrypted, passphrase_encrypted, api_key_fingerprint, api_key_hint, auto_sync)
                SELECT ?, ?, p.id, 'kucoin', ?, ?, ?, ?, 'xxxx', false FROM portfolios p WHERE p.user_id = ? AND p.is_default""",
                id, userId, vault.encrypt(id, "api_key_encrypted", apiKey),
                vault.encrypt(id, "api_secret_encrypted", "extra-secret-" + id),
                vault.encrypt(id, "passphrase_encrypted", "extra-passphrase"),
                vault.fingerprint("kucoin:" + apiKey), userId);
    }

    private static UUID userIdOf(UUID connectionId) {
        return db.queryForObject("SELECT user_id FROM exchange_connections WHERE id = ?", UUID.class, connectionId);
    }

    private static List<String> keyIdsOf(UUID connectionId) {
        return db.queryForList("""
                SELECT split_part(c, ':', 2) FROM (SELECT api_key_encrypted c FROM exchange_connections WHERE id = ?
                UNION ALL SELECT api_secret_encrypted FROM exchange_connections WHERE id = ?
                UNION ALL SELECT passphrase_encrypted FROM exchange_connections WHERE id = ? AND passphrase_encrypted IS NOT NULL) x""",
                String.class, connectionId, connectionId, connectionId);
    }

    private static JsonNode usage(JsonNode body, String keyId) {
        for (JsonNode key : body.get("keys")) {
            if (key.get("keyId").asText().equals(keyId)) {
                return key;
            }
        }
        throw new AssertionError("no usage for key " + keyId + " in " + body);
    }

    private static int runs(UUID connectionId) {
        return db.queryForObject("SELECT count(*) FROM sync_runs WHERE connection_id = ? AND status = 'success'", Integer.class,
                connectionId);
    }

    private static void awaitRuns(UUID connectionId, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> runs(connectionId) >= count);
    }

    /** A manual sync that must succeed (a run with status success), which needs the credentials to decrypt. */
    private static void syncNow(ApiClient user, UUID connectionId) {
        int before = runs(connectionId);
        ApiClient.Response response = user.post("/api/v1/exchanges/connections/" + connectionId + "/sync", null);
        assertThat(response.status()).as(response.raw()).isEqualTo(202);
        awaitRuns(connectionId, before + 1);
    }

    private static BigDecimal holdingOf(UUID connectionId, String symbol) {
        return db.queryForObject("SELECT h.amount FROM holdings h JOIN tokens t ON t.id = h.token_id"
                + " WHERE h.connection_id = ? AND t.symbol = ?", BigDecimal.class, connectionId, symbol);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
