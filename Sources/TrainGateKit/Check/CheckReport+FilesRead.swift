extension CheckReport {
    /// Every file the check read — cards, manifests, pack files, waiver files and the evidence
    /// files the inputs name (recorded by the views as they were read) — so report writers can
    /// refuse to write over any of them.
    public var filesRead: [String] {
        inputs.map(\.path) + waiverFiles + packs.map(\.file) + ledgerFiles
            + bundles.flatMap { bundle in (bundle.card?.evidence ?? []) + bundle.datasets.flatMap(\.evidence) }
    }
}
