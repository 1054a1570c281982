class Admin {
    void delete(javax.servlet.http.HttpServletRequest request) {
        // ruleid: java-role-from-request
        if ("admin".equals(request.getParameter("role"))) purge();
        // ruleid: java-role-from-request
        boolean admin = Boolean.parseBoolean(request.getHeader("X-Admin"));
        // ok: java-role-from-request
        if (request.isUserInRole("ADMIN")) purge();
        // ok: java-role-from-request
        String name = request.getParameter("name");
    }
}
