import java.io.IOException;

class Thumbnails {
    void make(String file) throws IOException {
        // ruleid: java-command-injection
        Runtime.getRuntime().exec("convert " + file + " thumb.png");
        // ruleid: java-command-injection
        new ProcessBuilder("sh", "-c", "convert " + file + " thumb.png").start();
        // ruleid: java-command-injection
        Runtime.getRuntime().exec(String.format("convert %s thumb.png", file));
        // ruleid: java-command-injection
        Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", "ping -c 1 " + file});
        // ok: java-command-injection
        Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", "uptime"});
        // ok: java-command-injection
        new ProcessBuilder("convert", file, "thumb.png").start();
        // ok: java-command-injection
        Runtime.getRuntime().exec(new String[] {"convert", file, "thumb.png"});
        // ok: java-command-injection
        new ProcessBuilder("sh", "-c", "ls -l /var/data").start();
    }
}
