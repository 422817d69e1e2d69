extension WaiverSet {
    /// Reads `files`. A waiver's lifetime runs from `approved_on` (or `asOf` when absent) to
    /// `expires`; one longer than `maxDays` is an error.
    public static func load(_ files: [String], asOf: ISODate, maxDays: Int = defaultMaxDays, limits: LoadLimits = .standard) -> WaiverSet {
        var set = WaiverSet()
        var seen: [String: SourceLocation] = [:]
        var read = Set<String>()
        // The same file named twice is read once.
        for file in files where read.insert(Paths.canonical(file)).inserted {
            let root: Node
            do {
                root = try DocumentLoader.loadYAML(file: file, limits: limits)
            } catch {
                set.errors.append(.document(error))
                continue
            }
            if let problem = ArtifactError.kindProblem(root, expected: .waiverSet) {
                set.errors.append(problem)
                continue
            }
            var errors: [ArtifactError] = []
            guard SchemaValidator.check(root, against: ArtifactSchemas.waiverSet, file: file, errors: &errors, warnings: &set.warnings)
            else {
                set.errors += errors
                continue
            }
            for node in root["waivers"]?.sequence ?? [] {
                guard let waiver = set.read(node, asOf: asOf, maxDays: maxDays) else { continue }
                let key = waiver.rule + "\u{0}" + waiver.subject
                if let first = seen[key] {
                    set.errors.append(
                        .invalid(waiver.location, "a second waiver for \(waiver.rule) on '\(waiver.subject)' (first at \(first)); keep one")
                    )
                    continue
                }
                seen[key] = waiver.location
                set.waivers.append(waiver)
            }
        }
        return set
    }

    /// One schema-valid waiver entry, with the checks the schema cannot express.
    private mutating func read(_ node: Node, asOf: ISODate, maxDays: Int) -> Waiver? {
        func text(_ key: String) -> String { node[key]?.scalar?.text ?? "" }
        func fullDate(_ key: String) -> ISODate?? {
            guard let field = node[key], !field.isNull else { return .some(nil) }
            guard let date = try? field.date(), date.day != nil else {
                errors.append(.invalid(field.location, "'\(key)' must be a full date (YYYY-MM-DD)"))
                return nil
            }
            return .some(date)
        }
        guard let expiresDate = fullDate("expires"), let expires = expiresDate, let approvedOn = fullDate("approved_on") else { return nil }
        for key in ["rule", "subject", "justification", "approved_by"] where text(key).allSatisfy(\.isWhitespace) {
            errors.append(.invalid(node[key]!.location, "'\(key)' must not be blank"))
            return nil
        }
        if let approvedOn, approvedOn > expires {
            errors.append(.invalid(node["approved_on"]!.location, "the waiver is approved on \(approvedOn), after it expires (\(expires))"))
            return nil
        }
        // A waiver dated in the future would run longer than its stated lifetime.
        if let approvedOn, approvedOn > asOf {
            errors.append(.invalid(node["approved_on"]!.location, "the waiver is approved on \(approvedOn), after the as-of date \(asOf)"))
            return nil
        }
        let start = approvedOn ?? asOf
        let days = expires.dayNumber - start.dayNumber
        if days > maxDays {
            let from = approvedOn.map { "from its approval on \($0)" } ?? "from \(asOf)"
            errors.append(
                .invalid(
                    node["expires"]!.location,
                    "the waiver runs \(days) days \(from) to \(expires); the maximum is \(maxDays) days"))
            return nil
        }
        return Waiver(
            rule: text("rule"), subject: text("subject"), justification: text("justification"),
            approvedBy: text("approved_by"), expires: expires, approvedOn: approvedOn,
            ticket: node["ticket"]?.scalar?.text, location: node.location)
    }
}
