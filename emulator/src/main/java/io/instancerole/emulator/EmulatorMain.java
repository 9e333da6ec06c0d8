package io.instancerole.emulator;

/** Placeholder entry point; the emulator issue fills it in. */
public final class EmulatorMain {
    private EmulatorMain() {}

    public static void main(String[] args) {
        throw new UnsupportedOperationException("not built yet");
    }
}
