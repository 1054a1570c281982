import java.io.*;
import java.nio.file.*;
import java.util.zip.*;
import javax.servlet.http.HttpServletRequest;

class Files2 {
    void serve(HttpServletRequest request, File baseDir) throws IOException {
        // ruleid: java-path-traversal
        File f = new File(baseDir, request.getParameter("name"));
        // ruleid: java-path-traversal
        InputStream in = new FileInputStream("/srv/reports/" + request.getParameter("report"));
        // ok: java-path-traversal
        File g = new File(baseDir, FilenameUtils.getName(request.getParameter("name")));
        // ok: java-path-traversal
        Path p = baseDir.toPath().resolve("index.html");
    }

    void unzip(ZipInputStream zis, Path dest) throws IOException {
        ZipEntry entry;
        while ((entry = zis.getNextEntry()) != null) {
            // ruleid: java-path-traversal
            Path out = dest.resolve(entry.getName());
            // ok: java-path-traversal
            Path target = dest.resolve(entry.getName()).normalize(); if (!target.startsWith(dest)) throw new IOException("bad entry");
            // ok: java-path-traversal
            Path flat = dest.resolve(Paths.get(entry.getName()).getFileName());
        }
    }
}
