class Login {
    String done(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response, String returnUrl) throws Exception {
        // ruleid: java-open-redirect
        response.sendRedirect(request.getParameter("next"));
        // todoruleid: java-open-redirect
        response.sendRedirect(returnUrl);
        // ruleid: java-open-redirect
        String back = "redirect:" + request.getParameter("back");
        // ok: java-open-redirect
        response.sendRedirect(request.getContextPath() + "/home");
        // ok: java-open-redirect
        response.sendRedirect(isLocal(returnUrl) ? returnUrl : "/");
        // ok: java-open-redirect
        String home = "redirect:/dashboard";
        // todoruleid: java-open-redirect
        return "redirect:" + returnUrl;
    }
}
