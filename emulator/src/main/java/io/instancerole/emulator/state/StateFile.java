package io.instancerole.emulator.state;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.instancerole.emulator.core.EmulatorClock;
import io.instancerole.emulator.core.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * {@code --state FILE}: the account read from FILE at start and written back, whole and atomically
 * (a temporary file renamed over it), after every change, so that a reader or a crash never sees
 * half a file.
 */
public final class StateFile {
    private static final ObjectWriter WRITER = Json.MAPPER.writerWithDefaultPrettyPrinter();

    private final Path file;
    private byte[] written;

    private StateFile(Path file, byte[] written) {
        this.file = file;
        this.written = written;
    }

    /** The file and the account it holds; a new account (written at once) when it does not exist yet. */
    public static Loaded open(Path file, EmulatorClock clock, Collection<ManagedPolicy> systemPolicies,
                              Supplier<CloudState> fresh) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            CloudState state = fresh.get();
            StateFile stateFile = new StateFile(file, null);
            stateFile.saveIfChanged(state);
            return new Loaded(stateFile, state);
        }
        StateSnapshot snapshot;
        try {
            snapshot = Json.MAPPER.readValue(bytes, StateSnapshot.class);
        } catch (IOException e) {
            throw new IOException("the state file " + file + " is not an emulator state file (" + e.getMessage() + ")", e);
        }
        if (snapshot.accountId == null || snapshot.rootKey == null) {
            throw new IOException("the state file " + file + " has no accountId or rootKey");
        }
        return new Loaded(new StateFile(file, null), snapshot.toState(clock, systemPolicies));
    }

    /** Writes the account when it differs from what was last written. Called under the state lock. */
    public void saveIfChanged(CloudState state) throws IOException {
        byte[] bytes = WRITER.writeValueAsBytes(StateSnapshot.of(state));
        if (Arrays.equals(bytes, written)) {
            return;
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, bytes);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        written = bytes;
    }

    public Path path() {
        return file;
    }

    /** A state file and the account read from it. */
    public static final class Loaded {
        private final StateFile file;
        private final CloudState state;

        Loaded(StateFile file, CloudState state) {
            this.file = file;
            this.state = state;
        }

        public StateFile file() { return file; }
        public CloudState state() { return state; }
    }
}
