import java.io.File;
import java.nio.file.*;
import java.nio.file.attribute.*;

class Perms {
    void set(Path p, File f) throws Exception {
        // ruleid: java-world-writable-permissions
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
        // ruleid: java-world-writable-permissions
        f.setWritable(true, false);
        // ok: java-world-writable-permissions
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        // ok: java-world-writable-permissions
        f.setWritable(true, true);
        // ok: java-world-writable-permissions
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
