use std::path::{Path, PathBuf};

async fn download(Query(params): Query<FileParams>, base: PathBuf) -> Vec<u8> {
    // ruleid: rust-path-from-request
    let target = base.join(&params.file);
    // ruleid: rust-path-from-request
    let other = Path::new("/srv/files").join(query.name);
    // ok: rust-path-from-request
    let name = Path::new(&params.file).file_name().unwrap_or_default();
    // ok: rust-path-from-request
    let safe = base.join(name);
    std::fs::read(safe).unwrap_or_default()
}
