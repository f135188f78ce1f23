package org.olistdw.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.olistdw.pipeline.source.SourceTable;

/** A generated sample read back with {@link Rfc4180Reader}: the data rows of each file, header excluded. */
final class GeneratedSample {

    final Path dir;
    final GenerationSummary summary;
    private final Map<SourceTable, List<String>> headers = new EnumMap<>(SourceTable.class);
    private final Map<SourceTable, List<List<String>>> rows = new EnumMap<>(SourceTable.class);

    private GeneratedSample(Path dir, GenerationSummary summary) throws IOException {
        this.dir = dir;
        this.summary = summary;
        for (SourceTable table : SourceTable.values()) {
            List<List<String>> records = Rfc4180Reader.read(file(table));
            headers.put(table, records.get(0));
            rows.put(table, records.subList(1, records.size()));
        }
    }

    static GeneratedSample generate(double scale, long seed, Path dir) throws IOException {
        return new GeneratedSample(dir, new SampleDataGenerator(scale, seed).generate(dir, GenerationProgress.none()));
    }

    Path file(SourceTable table) {
        return dir.resolve(table.fileName());
    }

    String text(SourceTable table) throws IOException {
        return Files.readString(file(table), StandardCharsets.UTF_8);
    }

    List<String> header(SourceTable table) {
        return headers.get(table);
    }

    List<List<String>> rows(SourceTable table) {
        return rows.get(table);
    }

    /** The values of one column, by its header name. */
    List<String> column(SourceTable table, String name) {
        int index = table.header().indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(table + " has no column " + name);
        }
        return rows(table).stream().map(r -> r.get(index)).toList();
    }

    Set<String> distinct(SourceTable table, String name) {
        return column(table, name).stream().collect(Collectors.toSet());
    }
}
