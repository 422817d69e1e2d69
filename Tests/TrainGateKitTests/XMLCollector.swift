import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses XML with Foundation's parser, keeping every element's name and attributes, and the
/// text of `<failure>` elements.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var failureBodies: [String] = []
    private var inFailure = false

    /// Parses `text`; nil when it is not well-formed.
    static func parse(_ text: String) -> XMLCollector? {
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append((name, attributes))
        if name == "failure" {
            inFailure = true
            failureBodies.append("")
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "failure" { inFailure = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inFailure { failureBodies[failureBodies.count - 1] += string }
    }

    func count(_ name: String) -> Int { elements.filter { $0.name == name }.count }
}
