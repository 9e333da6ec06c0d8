package io.instancerole.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The deployed code package (the jar template.yml's CodeUri names) by top-level package, largest first. */
final class PackageReport {
    /** One top-level package. */
    static final class Group {
        final String name;
        long entries;
        long classes;
        long compressedBytes;
        long uncompressedBytes;

        Group(String name) {
            this.name = name;
        }
    }

    final long fileBytes;
    final List<Group> groups;

    private PackageReport(long fileBytes, List<Group> groups) {
        this.fileBytes = fileBytes;
        this.groups = groups;
    }

    static PackageReport of(Path jar) throws IOException {
        Map<String, Group> groups = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                Group group = groups.computeIfAbsent(groupOf(entry.getName()), Group::new);
                group.entries++;
                group.classes += entry.getName().endsWith(".class") ? 1 : 0;
                group.compressedBytes += entry.getCompressedSize();
                group.uncompressedBytes += entry.getSize();
            }
        }
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort((a, b) -> Long.compare(b.compressedBytes, a.compressedBytes));
        return new PackageReport(Files.size(jar), sorted);
    }

    /** {@code com/aliyuncs/...} -> {@code com.aliyuncs}; ours one level deeper; META-INF and root files as such. */
    static String groupOf(String entry) {
        String[] parts = entry.split("/");
        if (parts.length == 1) {
            return "(root files)";
        }
        if (parts[0].equals("META-INF")) {
            return "META-INF";
        }
        int depth = entry.startsWith("io/instancerole/") ? 3 : 2;
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(depth, parts.length - 1)));
    }
}
