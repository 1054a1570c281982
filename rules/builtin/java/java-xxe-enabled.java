import javax.xml.parsers.*;
import javax.xml.stream.XMLInputFactory;

class Xml {
    void configure() throws Exception {
        // todoruleid: java-xxe-enabled
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        // ruleid: java-xxe-enabled
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        // ruleid: java-xxe-enabled
        dbf.setExpandEntityReferences(true);
        XMLInputFactory xif = XMLInputFactory.newInstance();
        // ruleid: java-xxe-enabled
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, true);
        // ok: java-xxe-enabled
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // ok: java-xxe-enabled
        dbf.setExpandEntityReferences(false);
        // ok: java-xxe-enabled
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        // ok: java-xxe-enabled
        xif.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }
}
