class Errors {
    void handle(Exception e, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ruleid: java-error-details-to-client
        e.printStackTrace(response.getWriter());
        // ruleid: java-error-details-to-client
        response.getWriter().println("error: " + e.getMessage());
        // ok: java-error-details-to-client
        log.error("request failed", e);
        // ok: java-error-details-to-client
        response.sendError(500, "internal error");
        // ok: java-error-details-to-client
        response.getWriter().println("internal error, id " + errorId);
    }
    ResponseEntity<String> fail(Exception ex) {
        // ruleid: java-error-details-to-client
        return ResponseEntity.status(500).body(ex.getMessage());
    }
}
