use std::fs::File;

fn scratch() -> std::io::Result<()> {
    // ruleid: rust-predictable-temp-file
    let f = File::create("/tmp/report.csv")?;
    // ruleid: rust-predictable-temp-file
    let p = std::env::temp_dir().join("cache.json");
    // ok: rust-predictable-temp-file
    let t = tempfile::NamedTempFile::new()?;
    // ok: rust-predictable-temp-file
    let d = tempfile::tempdir()?;
    let _ = (f, p, t, d);
    Ok(())
}
