import javax.xml.xpath.*;

class Users {
    String role(XPath xpath, org.w3c.dom.Document doc, String name) throws Exception {
        // ruleid: java-xpath-injection
        String r = xpath.evaluate("//user[@name='" + name + "']/role", doc);
        // ruleid: java-xpath-injection
        XPathExpression e = xpath.compile("/users/user[name/text()='" + name + "']");
        // ok: java-xpath-injection
        xpath.setXPathVariableResolver(v -> name);
        // ok: java-xpath-injection
        String s = xpath.evaluate("//user[@name=$name]/role", doc);
        // ok: java-xpath-injection
        String count = xpath.evaluate("count(//user)", doc);
        return r + s + count;
    }
}
