import ArgumentParser
import TrainGateKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `traingate report`: transparency reports made from the same inputs `check` reads.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Generate transparency reports.",
        subcommands: [Summary.self, AB2013.self, CopyrightPolicy.self, ModelCard.self, Diff.self]
    )

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "summary",
            abstract: "Render the EU AI Office public summary of training content (AI Act Art. 53(1)(d)) from a model card.",
            discussion: """
                Reads the model card (a TrainGate card, or a Hugging Face card, SPDX 3 or CycloneDX file) \
                and the dataset manifests it names, checks them with the default packs, \
                and renders the template's sections 1.1 to 3.3. Items the inputs do not answer read \
                "Not declared" and are listed as gaps with the field that would answer them. \
                Exit codes: 0 rendered; 1 with --strict, when there are gaps; 2 could not read the inputs; \
                64 usage error.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html, json }

        @Argument(help: "The model card.")
        var card: String

        @Option(help: "The output format.")
        var format: Format = .markdown

        @Option(help: "Write the summary to this file instead of standard output.")
        var output: String?

        @OptionGroup var asOf: AsOfOption

        @OptionGroup var inputFormat: InputFormatOption

        @Flag(help: "Exit 1 when the summary has gaps.")
        var strict = false

        func run() throws {
            var request = Checker.Request(paths: [card], asOf: asOf.date)
            request.inputFormat = inputFormat.inputFormat
            try ReportOutput.run(card: card, request: request, what: "the summary", output: output, strict: strict) { report in
                TrainingSummary(report: report).map { summary in
                    let text: String
                    switch format {
                    case .markdown: text = SummaryMarkdownRenderer.render(summary)
                    case .html: text = SummaryHTMLRenderer.render(summary)
                    case .json: text = SummaryJSONRenderer.render(summary)
                    }
                    return (text, summary.filesRead, !summary.gaps.isEmpty)
                }
            }
        }
    }

    struct AB2013: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ab2013",
            abstract: "Render California's AB 2013 training data documentation (Civil Code §3111(a)) from a model card.",
            discussion: """
                Reads the model card and the dataset manifests it names, checks them with the \
                us-ca-ab2013 pack, and renders the statute's twelve items, source by source, from what \
                they declare. What they do not declare reads "Not declared", with the field and position \
                that would answer it: exactly the failures of the pack's item rules. \
                Exit codes: 0 rendered; 1 with --strict, when there are gaps; 2 could not read the inputs; \
                64 usage error.
                """
        )

        @Argument(help: "The model card.")
        var card: String

        @Option(help: "The output format.")
        var format: Summary.Format = .markdown

        @Option(help: "Write the documentation to this file instead of standard output.")
        var output: String?

        @OptionGroup var asOf: AsOfOption

        @OptionGroup var inputFormat: InputFormatOption

        @Flag(help: "Exit 1 when an item has gaps.")
        var strict = false

        func run() throws {
            var request = Checker.Request(paths: [card], packs: [AB2013Disclosure.pack], asOf: asOf.date, includeAll: true)
            request.inputFormat = inputFormat.inputFormat
            try ReportOutput.run(card: card, request: request, what: "the AB 2013 documentation", output: output, strict: strict) {
                report in
                AB2013Disclosure(report: report).map { disclosure in
                    let text: String
                    switch format {
                    case .markdown: text = AB2013MarkdownRenderer.render(disclosure)
                    case .html: text = AB2013HTMLRenderer.render(disclosure)
                    case .json: text = AB2013JSONRenderer.render(disclosure)
                    }
                    return (text, disclosure.filesRead, !disclosure.gaps.isEmpty)
                }
            }
        }
    }

    struct CopyrightPolicy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copyright-policy",
            abstract: "Draft the copyright policy of AI Act Art. 53(1)(c) (Code of Practice, Measure 1.1) from a model card.",
            discussion: """
                Reads the model card and the dataset manifests it names and writes a starting point for the \
                provider's copyright policy: responsibility, the opt-out protocols honoured and how, lawful \
                access, infringing-sites lists, output safeguards and the complaint mechanism, each claim \
                traced to the file and line it restates. What they do not declare reads "To be completed". \
                Exit codes: 0 written; 1 with --strict, when something is to be completed; 2 could not read \
                the inputs; 64 usage error.
                """
        )

        @Argument(help: "The model card.")
        var card: String

        @Option(help: "The output format.")
        var format: Summary.Format = .markdown

        @Option(help: "Write the draft to this file instead of standard output.")
        var output: String?

        @OptionGroup var asOf: AsOfOption

        @OptionGroup var inputFormat: InputFormatOption

        @Flag(help: "Exit 1 when something is to be completed.")
        var strict = false

        func run() throws {
            var request = Checker.Request(paths: [card], asOf: asOf.date)
            request.inputFormat = inputFormat.inputFormat
            try ReportOutput.run(card: card, request: request, what: "the copyright policy", output: output, strict: strict) { report in
                CopyrightPolicyDocument(report: report).map { document in
                    let text: String
                    switch format {
                    case .markdown: text = CopyrightPolicyMarkdownRenderer.render(document)
                    case .html: text = CopyrightPolicyHTMLRenderer.render(document)
                    case .json: text = CopyrightPolicyJSONRenderer.render(document)
                    }
                    return (text, document.filesRead, !document.gaps.isEmpty)
                }
            }
        }
    }

    struct ModelCard: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "model-card",
            abstract: "Write a Hugging Face model card (README.md for the Hub) from a TrainGate model card.",
            discussion: """
                Reads the model card and the dataset manifests it names and writes a Hub model card: YAML \
                metadata the Hub reads (license, base_model and datasets where the inputs name Hub \
                repositories, model_name) and the sections of the Hub's template, with the training data, \
                limitations and transparency sections filled. What the inputs do not declare is the \
                template's "[More Information Needed]". Read back with --input-format huggingface, it gives \
                the facts it was made from. --format html writes a page to review the card before it goes to \
                the Hub, --format json its metadata and sections with the Markdown card. Exit codes: 0 written; \
                2 could not read the inputs; 64 usage error.
                """
        )

        @Argument(help: "The model card.")
        var card: String

        @Option(help: "The output format: markdown is the Hub's README.md; html a page to review it; json its parts.")
        var format: Summary.Format = .markdown

        @Option(help: "Write the card to this file (e.g. README.md) instead of standard output.")
        var output: String?

        @OptionGroup var asOf: AsOfOption

        @OptionGroup var inputFormat: InputFormatOption

        func run() throws {
            var request = Checker.Request(paths: [card], asOf: asOf.date)
            request.inputFormat = inputFormat.inputFormat
            try ReportOutput.run(card: card, request: request, what: "the Hugging Face card", output: output, strict: false) { report in
                guard let made = HuggingFaceCard(report: report) else { return nil }
                let text: String
                switch format {
                case .markdown: text = HuggingFaceCardWriter.render(made)
                case .html: text = HuggingFaceCardHTMLRenderer.render(made)
                case .json: text = HuggingFaceCardJSONRenderer.render(made)
                }
                return (text, report.filesRead, false)
            }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Say what changed in the public summary of training content between two versions of a model card.",
            discussion: """
                Builds the summary from each version (a model card, or a folder holding one, with its \
                manifests) and lists what changed by the template's sections, and whether the change is \
                material: a new source category or modality, a size bin that changed, new crawled domains \
                among the top ones, a new use of user data. A new version is due on a material change while the \
                new card still declares the old transparency.training_summary.version, when a new version is not \
                certainly dated after the old one (last_update) or the version is removed, and when the new card \
                fails rule TPL-0-UPDATE (a model trained continuously whose summary is more than 183 days old). \
                Exit codes: 0 no new summary version due; 1 a new version is due; 2 could not read the inputs; \
                64 usage error.
                """
        )

        @Argument(help: "The earlier and the later model card (or folders holding them); with --git, one, at both revisions.")
        var paths: [String]

        @Option(help: ArgumentHelp("Compare PATH at two revisions of its git repository (A..B).", valueName: "A..B"))
        var git: String?

        @Option(help: "The output format.")
        var format: Summary.Format = .markdown

        @Option(help: "Write the difference to this file instead of standard output.")
        var output: String?

        @OptionGroup var asOf: AsOfOption

        func validate() throws {
            if git == nil && paths.count != 2 { throw ValidationError("name the earlier and the later model card (or folder)") }
            if git != nil && paths.count != 1 { throw ValidationError("with --git, name one model card (or folder)") }
        }

        func run() throws {
            var compared = paths
            var revisions: GitRevisions?
            if let git {
                do {
                    let exported = try GitRevisions(range: git, path: paths[0])
                    revisions = exported
                    compared = [exported.paths.0, exported.paths.1]
                } catch {
                    Terminal.error("\(paths[0]): error: \(error.message)")
                    throw ExitStatus.couldNotCheck
                }
            }
            defer { revisions?.remove() }
            var read: [(summary: TrainingSummary, card: Node, files: [String], overdue: String?)] = []
            for path in compared {
                let report: CheckReport
                // Messages about files of a revision name the revision, not the temporary export.
                let mapped = { (text: String) in revisions?.mapped(text) ?? text }
                do {
                    report = try Checker.run(Checker.Request(paths: [path], asOf: asOf.date))
                } catch {
                    for line in error.warnings.map(\.description) + error.errors.map(\.description) { Terminal.error(mapped(line)) }
                    throw ExitStatus.couldNotCheck
                }
                guard let summary = TrainingSummary(report: report), let card = report.bundles.first(where: { $0.card != nil })?.card else {
                    Terminal.error(
                        mapped(
                            CheckError(
                                "no model card found; the summary is made from a ModelCard",
                                at: SourceLocation(file: path, line: 1, column: 1)
                            ).description))
                    throw ExitStatus.couldNotCheck
                }
                let overdue = report.findings.first { $0.ruleID == "TPL-0-UPDATE" && $0.status == .fail }?.message
                read.append((summary, card.root, report.filesRead, overdue))
            }
            let diff = SummaryDiff(
                old: read[0].summary, new: read[1].summary, oldCard: read[0].card, newCard: read[1].card, overdue: read[1].overdue)
            let text: String
            switch format {
            case .markdown: text = SummaryDiffRenderer.markdown(diff)
            case .html: text = SummaryDiffRenderer.html(diff)
            case .json: text = SummaryDiffRenderer.json(diff)
            }
            try ReportOutput.write(text, to: output, inputs: paths + read[0].files + read[1].files)
            if diff.newVersionDue { throw ExitCode.failure }
        }
    }
}

/// What every `report` subcommand does around its document: run the check, make the document
/// (nil when the inputs hold no model card), write it, and under `--strict` exit 1 on gaps.
enum ReportOutput {
    static func run(
        card: String, request: Checker.Request, what: String, output: String?, strict: Bool,
        make: (CheckReport) -> (text: String, files: [String], gaps: Bool)?
    ) throws {
        let report: CheckReport
        do {
            report = try Checker.run(request)
        } catch {
            throw error.printed()
        }
        guard let made = make(report) else {
            for warning in report.warnings { Terminal.error(warning.description) }
            let found = report.inputs.first.map { " (found a \($0.kind))" } ?? ""
            Terminal.error(
                CheckError("not a model card\(found); \(what) is made from a ModelCard", at: SourceLocation(file: card, line: 1, column: 1))
                    .description)
            throw ExitStatus.couldNotCheck
        }
        try write(made.text, to: output, inputs: [card] + made.files)
        if strict && made.gaps { throw ExitCode.failure }
    }

    /// Writes `text` to `output` (never over one of `inputs`), or to standard output.
    static func write(_ text: String, to output: String?, inputs: [String]) throws {
        guard let output else { return try Terminal.out(text) }
        do {
            try OutputFile.write(text, to: output, inputs: inputs)
        } catch {
            Terminal.error("\(output): error: \(error)")
            throw ExitStatus.couldNotCheck
        }
    }
}
