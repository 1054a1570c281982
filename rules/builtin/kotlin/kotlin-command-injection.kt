fun thumb(file: String) {
    // ruleid: kotlin-command-injection
    Runtime.getRuntime().exec("convert $file thumb.png")
    // ruleid: kotlin-command-injection
    ProcessBuilder("sh", "-c", "gzip -k ${file}").start()
    // ok: kotlin-command-injection
    ProcessBuilder("convert", file, "thumb.png").start()
    // ok: kotlin-command-injection
    Runtime.getRuntime().exec(arrayOf("gzip", "-k", file))
    // ok: kotlin-command-injection
    ProcessBuilder("sh", "-c", "ls -l /var/data").start()
    // ruleid: kotlin-command-injection
    Runtime.getRuntime().exec(arrayOf("sh", "-c", "ping -c 1 $file"))
    // ok: kotlin-command-injection
    Runtime.getRuntime().exec(arrayOf("ping", "-c", "1", file))
}
