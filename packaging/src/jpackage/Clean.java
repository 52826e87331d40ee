import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes the given folders (jpackage will not overwrite an earlier image or installer); run as a source file. */
public class Clean {
    public static void main(String[] args) throws IOException {
        for (String a : args) {
            Path dir = Path.of(a);
            if (!Files.exists(dir)) continue;
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }
}
