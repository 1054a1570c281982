import Foundation

func compress(_ file: String, command: String) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    // ruleid: swift-shell-command-interpolation
    p.arguments = ["-c", "gzip -k \(file)"]
    // ruleid: swift-shell-command-interpolation
    p.arguments = ["-c", command]
    // ok: swift-shell-command-interpolation
    p.arguments = ["-c", "ls -l /var/data"]
    // ok: swift-shell-command-interpolation
    p.arguments = ["-k", file]
    try p.run()
}
