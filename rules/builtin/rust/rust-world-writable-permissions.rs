use std::fs;
use std::os::unix::fs::PermissionsExt;

fn publish(path: &str) -> std::io::Result<()> {
    // ruleid: rust-world-writable-permissions
    fs::set_permissions(path, fs::Permissions::from_mode(0o777))?;
    let mut perms = fs::metadata(path)?.permissions();
    // ruleid: rust-world-writable-permissions
    perms.set_mode(0o666);
    // ok: rust-world-writable-permissions
    fs::set_permissions(path, fs::Permissions::from_mode(0o600))?;
    // ok: rust-world-writable-permissions
    perms.set_mode(0o755);
    Ok(())
}
