import java.io.File;
import java.nio.file.*;

class Temp {
    void make() throws Exception {
        // ruleid: java-insecure-temp-file
        File a = File.createTempFile("report", ".csv");
        // ruleid: java-insecure-temp-file
        File b = new File(System.getProperty("java.io.tmpdir"), "app.lock");
        // ok: java-insecure-temp-file
        Path c = Files.createTempFile("report", ".csv");
        // ok: java-insecure-temp-file
        Path d = Files.createTempDirectory("work");
    }
}
