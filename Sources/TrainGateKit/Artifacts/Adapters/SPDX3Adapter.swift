enum SPDX3Adapter {
    static func adapt(_ root: Node) throws(ArtifactError) -> AdaptedFile {
        throw .notCheckable(root.location, reason: "reading this format is not built yet")
    }
}
