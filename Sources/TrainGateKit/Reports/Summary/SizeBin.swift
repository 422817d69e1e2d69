/// The template's training-data size bins (section 1.3), per modality, as the regulatory
/// catalogue §2 gives them: text in tokens, images in images, audio and video in hours.
/// A boundary value falls in the lower bin ("1 billion – 10 trillion" includes both ends).
enum SizeBin {
    /// The unit a modality's bins count, if the template bins it.
    static func unit(for modality: String) -> String? {
        switch modality {
        case "text": return "tokens"
        case "image": return "images"
        case "audio", "video": return "hours"
        default: return nil
        }
    }

    /// The bin `total` (in `unit(for: modality)`) falls in.
    static func bin(_ total: Double, modality: String) -> String? {
        let bins: (low: Double, high: Double, labels: [String])
        switch modality {
        case "text": bins = (1e9, 1e13, ["Less than 1 billion tokens", "1 billion – 10 trillion tokens", "More than 10 trillion tokens"])
        case "image": bins = (1e6, 1e9, ["Less than 1 million images", "1 million – 1 billion images", "More than 1 billion images"])
        case "audio", "video": bins = (1e4, 1e6, ["Less than 10,000 hours", "10,000 – 1 million hours", "More than 1 million hours"])
        default: return nil
        }
        return total < bins.low ? bins.labels[0] : total <= bins.high ? bins.labels[1] : bins.labels[2]
    }

    /// A number for people: whole numbers with thousands separators, others as written.
    static func format(_ value: Double, declared: String? = nil) -> String {
        guard value.rounded() == value, abs(value) < 1e15 else { return declared ?? String(value) }
        let digits = String(Int(value).magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }
}
