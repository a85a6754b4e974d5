package io.firebreak.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The commit-message check teams install as a git hook or CI step ({@code tools/firebreak-commit-check}), run as they run it. */
class CommitCheckScriptTest {

    private static final Path SCRIPT = Path.of("tools/firebreak-commit-check");

    private record Run(int status, String stderr) {
    }

    private static Run run(List<String> args, Path directory, String... env) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        for (int i = 0; i < env.length; i += 2) {
            builder.environment().put(env[i], env[i + 1]);
        }
        Process p = builder.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Run message(String text, String... env) throws IOException, InterruptedException {
        return run(List.of("--message", text), Path.of("."), env);
    }

    @Test
    void anEmergencyFixNamingTheIncidentAndTheChangePasses() throws Exception {
        assertThat(message("hotfix: roll checkout back to 1.4.2 for INC-2026-0042 (CHG-17)").status()).isZero();
        assertThat(message("emergency(db): raise the pool\n\nFixes INC-2026-10042 under CHG-3").status()).isZero();
    }

    @Test
    void anEmergencyFixLackingAReferenceIsRejectedNamingWhatIsMissing() throws Exception {
        Run noChange = message("hotfix: roll back for INC-2026-0042");
        assertThat(noChange.status()).isEqualTo(1);
        assertThat(noChange.stderr()).contains("the emergency change id (CHG-n)").doesNotContain("incident key");
        Run neither = message("raise the pool\n\nEmergency-Change: yes");
        assertThat(neither.status()).isEqualTo(1);
        assertThat(neither.stderr()).contains("the incident key (INC-YYYY-NNNN) and the emergency change id (CHG-n)");
        // A look-alike is not a reference: INC-42 is not a Firebreak incident key, XCHG-5 not a change id.
        assertThat(message("hotfix: INC-42 XCHG-5").status()).isEqualTo(1);
        assertThat(message("ordinary change", "FIREBREAK_EMERGENCY", "1").status()).isEqualTo(1);
    }

    @Test
    void ordinaryCommitsAreNotChecked() throws Exception {
        assertThat(message("feat: a new report page").status()).isZero();
        assertThat(message("fix: a typo mentioning hotfix: later").status()).isZero();
    }

    @Test
    void asACommitMsgHookItReadsTheMessageFileAndIgnoresCommentLines() throws Exception {
        Path file = Files.createTempFile("COMMIT_EDITMSG", "");
        Files.writeString(file, "hotfix: raise the pool\n# INC-2026-0042 CHG-3 only in a comment\n");
        Run hook = run(List.of(file.toString()), Path.of("."));
        assertThat(hook.status()).isEqualTo(1);
        Files.writeString(file, "hotfix: raise the pool INC-2026-0042 CHG-3\n# comment\n");
        assertThat(run(List.of(file.toString()), Path.of(".")).status()).isZero();
    }

    @Test
    void inCiItChecksEveryCommitOfARange() throws Exception {
        Path repo = Files.createTempDirectory("commit-check");
        git(repo, "init", "-q", "-b", "main");
        git(repo, "commit", "-q", "--allow-empty", "-m", "initial");
        git(repo, "commit", "-q", "--allow-empty", "-m", "hotfix: good INC-2026-0042 CHG-3");
        assertThat(run(List.of("--range", "HEAD~1..HEAD"), repo).status()).isZero();
        git(repo, "commit", "-q", "--allow-empty", "-m", "hotfix: forgot the references");
        Run range = run(List.of("--range", "HEAD~2..HEAD"), repo);
        assertThat(range.status()).isEqualTo(1);
        assertThat(range.stderr()).contains("is an emergency fix but does not name");
    }

    private static void git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@test.invalid"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
