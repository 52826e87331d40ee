package org.cuestudio.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * The command-line reference ({@code docs/cli.md}) made from the CLI's own help, so the two cannot drift: one section
 * per command and sub-command, each holding exactly what {@code cue COMMAND --help} prints. A test compares the
 * committed file with this output; {@link #main} rewrites the file.
 */
public final class CliReference {
    /** Where the reference lives, relative to the repository root. */
    public static final String FILE = "docs/cli.md";

    /** Help is laid out at a fixed width so the file does not depend on the terminal it was made in. */
    static final int WIDTH = 100;

    private CliReference() {}

    /** The whole reference as Markdown. */
    public static String markdown() {
        CommandLine root = CueCommand.commandLine();
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);

        StringBuilder md = new StringBuilder();
        md.append("# Command-line reference\n\n");
        md.append("<!-- Generated from the CLI's own help by org.cuestudio.app.cli.CliReference; do not edit by hand.\n");
        md.append("     Regenerate: ").append(regenerateCommand()).append(" -->\n\n");
        md.append("Every command of `cue` with exactly what `cue COMMAND --help` prints. The installed application's\n");
        md.append("launcher is `cue` (`/usr/bin/cue` after installing the `.deb`, see [packaging.md](packaging.md)); in a\n");
        md.append("checkout it is `./cue`. `PROJECT` is a project folder or its `project.json`.\n\n");
        for (CommandLine c : all) {
            String name = c.getCommandSpec().qualifiedName(" ");
            md.append("- [`").append(name).append("`](#").append(anchor(name)).append(")\n");
        }
        for (CommandLine c : all) {
            String name = c.getCommandSpec().qualifiedName(" ");
            md.append("\n## ").append(name).append("\n\n```text\n");
            c.setUsageHelpWidth(WIDTH);
            c.setUsageHelpLongOptionsMaxWidth(30);
            String usage = c.getUsageMessage(Ansi.OFF).replace("\r\n", "\n");
            for (String line : usage.split("\n", -1)) md.append(line.stripTrailing()).append('\n');
            while (md.charAt(md.length() - 2) == '\n') md.setLength(md.length() - 1);
            md.append("```\n");
        }
        return md.toString();
    }

    /** The command that rewrites {@link #FILE} from the current CLI (printed when the file is out of date). */
    public static String regenerateCommand() {
        return "./mvnw -pl studio-app -am test -Dtest=CliReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dcue.cli.regenerate=true";
    }

    /** Writes the reference to the given file (default {@link #FILE} under the working folder). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : FILE);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.writeString(out, markdown(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        for (CommandLine sub : c.getSubcommands().values()) {
            // Aliases map to the same CommandLine; the help command documents nothing of its own.
            if (into.contains(sub) || sub.getCommand() instanceof CommandLine.HelpCommand) continue;
            collect(sub, into);
        }
    }

    /** GitHub's heading anchor: lower case, spaces to hyphens, punctuation dropped. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
