class Plugins {
    Object make(javax.servlet.http.HttpServletRequest request) throws Exception {
        // ruleid: java-unsafe-reflection
        Class<?> c = Class.forName(request.getParameter("type"));
        // ok: java-unsafe-reflection
        Class<?> driver = Class.forName("org.postgresql.Driver");
        // ok: java-unsafe-reflection
        Class<?> chosen = PLUGINS.get(request.getParameter("type"));
        return c.getDeclaredConstructor().newInstance();
    }
}
