import java.nio.file.*;
import java.util.UUID;
import org.springframework.web.multipart.MultipartFile;

class Uploads {
    void save(MultipartFile file, Path dir) throws Exception {
        // ruleid: java-upload-original-filename
        file.transferTo(dir.resolve(file.getOriginalFilename()));
        // ruleid: java-upload-original-filename
        Path target = Paths.get("/srv/uploads", file.getOriginalFilename());
        // ok: java-upload-original-filename
        Path safe = dir.resolve(UUID.randomUUID() + ".png");
        // ok: java-upload-original-filename
        String shown = file.getOriginalFilename();
        // ok: java-upload-original-filename
        file.transferTo(safe);
    }
}
