import java.util.regex.Pattern;

class Search {
    boolean find(javax.servlet.http.HttpServletRequest request, String text) {
        // ruleid: java-regex-from-request
        Pattern p = Pattern.compile(request.getParameter("q"));
        // ruleid: java-regex-from-request
        boolean m = text.matches(request.getParameter("pattern"));
        // ok: java-regex-from-request
        Pattern q = Pattern.compile(Pattern.quote(request.getParameter("q")));
        // ok: java-regex-from-request
        boolean c = text.contains(request.getParameter("q"));
        return p.matcher(text).find() || m || c;
    }
}
