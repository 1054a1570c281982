import javax.script.*;
import org.springframework.expression.spel.standard.SpelExpressionParser;

class Calc {
    Object run(ScriptEngine engine, String formula, javax.servlet.http.HttpServletRequest request) throws Exception {
        // ruleid: java-expression-injection
        Object a = engine.eval(formula);
        // ruleid: java-expression-injection
        Object b = new SpelExpressionParser().parseExpression(request.getParameter("expr")).getValue();
        // ruleid: java-expression-injection
        Object c = engine.eval("var x = " + formula);
        // ok: java-expression-injection
        Object d = engine.eval("1 + 2");
        // ok: java-expression-injection
        Object e = new SpelExpressionParser().parseExpression("name.toUpperCase()").getValue(user);
        // ok: java-expression-injection
        Object f = engine.get(formula);
        return a;
    }
}
