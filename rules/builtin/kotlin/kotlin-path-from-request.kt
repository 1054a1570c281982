fun Route.files(base: File) {
    get("/files") {
        // ruleid: kotlin-path-from-request
        val f = File(base, call.request.queryParameters["name"]!!)
        // ruleid: kotlin-path-from-request
        val p = base.toPath().resolve(call.parameters["path"]!!)
        // ok: kotlin-path-from-request
        val safe = File(base, File(call.request.queryParameters["name"]!!).name)
        // ok: kotlin-path-from-request
        val index = File(base, "index.html")
        call.respondFile(safe)
    }
}
