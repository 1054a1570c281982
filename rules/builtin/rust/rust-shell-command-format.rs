use std::process::Command;

fn compress(file: &str, cmd: &str) -> std::io::Result<()> {
    // ruleid: rust-shell-command-format
    Command::new("sh").arg("-c").arg(format!("gzip -k {}", file)).status()?;
    // ruleid: rust-shell-command-format
    Command::new("bash").args(["-c", cmd]).status()?;
    // ok: rust-shell-command-format
    Command::new("gzip").arg("-k").arg(file).status()?;
    // ok: rust-shell-command-format
    Command::new("sh").arg("-c").arg("ls -l /var/data").status()?;
    // ok: rust-shell-command-format
    Command::new("git").args(["log", "--oneline"]).status()?;
    Command::new("sh")
        .arg("-c")
        // todoruleid: rust-shell-command-format
        .arg(format!("gzip -k {}", file))
        .status()?;
    Ok(())
}
