package io.firebreak.response.domain.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.response.model.oncall.ContactKind;
import io.firebreak.response.model.oncall.ContactMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemindersTest {

    private static ContactMethod method(String person, ContactKind kind) {
        ContactMethod m = new ContactMethod();
        m.person = person;
        m.kind = kind;
        m.address = person + "-" + kind;
        return m;
    }

    @Test
    void aReminderGoesByMailAndChatAndBySmsOnlyToSomeoneWithNothingElseButNeverByVoice() {
        List<ContactMethod> chosen = Reminders.channels(List.of(method("ann", ContactKind.EMAIL), method("ann", ContactKind.SMS),
                method("ann", ContactKind.SLACK), method("bob", ContactKind.SMS), method("bob", ContactKind.VOICE),
                method("cyd", ContactKind.VOICE)));
        assertThat(chosen).extracting(m -> m.address).containsExactly("ann-EMAIL", "ann-SLACK", "bob-SMS");
    }
}
