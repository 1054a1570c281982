using System.Xml;

class Xml
{
    void Read(string path)
    {
        // ruleid: csharp-xxe-dtd-processing
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse };
        var doc = new XmlDocument();
        // ruleid: csharp-xxe-dtd-processing
        doc.XmlResolver = new XmlUrlResolver();
        // ok: csharp-xxe-dtd-processing
        var safe = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };
        // ok: csharp-xxe-dtd-processing
        doc.XmlResolver = null;
    }
}
