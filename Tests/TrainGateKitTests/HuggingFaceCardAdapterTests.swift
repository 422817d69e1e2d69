import Foundation
import Testing

@testable import TrainGateKit

/// The Hugging Face card adapter: which sections count as filled, placeholders and comments,
/// card titles.
@Suite("Input adapters: Hugging Face cards")
struct HuggingFaceCardAdapterTests {
    // MARK: Placeholders and headings

    static func card(_ text: String) throws -> AdaptedFile {
        let document = try DocumentLoader.parseMarkdown(text.bytes, file: "README.md")
        return try HuggingFaceCardAdapter.adapt(document)
    }

    @Test func unfilledSectionsAreAbsent() throws {
        let adapted = try Self.card(
            """
            ---
            license: mit
            base_model: org/base
            ---
            # Model Card for {{ model_id | default("Model ID", true) }}

            ## Bias, Risks, and Limitations

            <!-- This section is meant to convey both technical and sociotechnical limitations. -->

            [More Information Needed]

            ### Model Description [optional]

            TODO

            - **Developed by:** [More Information Needed]

            ## training data

            {{ training_data | default("[More Information Needed]", true) }}

            ## Model Card Contact

            [More Information Needed](https://github.com/huggingface/datasets/blob/main/CONTRIBUTING.md)
            """)
        let card = try #require(adapted.card)
        #expect(card["model"]?["limitations"] == nil)
        #expect(card["model"]?["description"] == nil)
        #expect(card["provider"] == nil)
        #expect(card["transparency"] == nil)
        #expect(card["model"]?["name"]?.scalar?.text == "README")
        #expect(card["model"]?["license"]?["spdx"]?.scalar?.text == "MIT")
        #expect(card["dependencies"]?.sequence?.first?["name"]?.scalar?.text == "org/base")
    }

    @Test func filledSectionsAreFoundWhateverTheLevelCaseOrOptionalMark() throws {
        let adapted = try Self.card(
            """
            ---
            pipeline_tag: text-generation
            ---
            # Model Card for tiny-lm

            #### LIMITATIONS AND BIAS [optional]
            <!-- guidance -->
            The model repeats itself on long prompts.

            Model Description
            -----------------
            A small language model.
            """)
        let card = try #require(adapted.card)
        let limitations = try #require(card["model"]?["limitations"])
        #expect(limitations.scalar?.text == "The model repeats itself on long prompts.")
        #expect(limitations.location.line == 8)
        #expect(card["model"]?["description"]?.scalar?.text == "A small language model.")
        #expect(card["model"]?["name"]?.scalar?.text == "tiny-lm")
    }

    // MARK: Placeholders, comments and hostile values

    @Test func commentedOutAndPlaceholderTextIsNeverADisclosure() throws {
        let adapted = try Self.card(
            """
            ---
            license: other
            license_name: "[More Information Needed]"
            license_link: TODO
            pipeline_tag: "{{ pipeline_tag }}"
            base_model: "[More Information Needed]"
            ---
            # Model Card for tiny

            <!--
            ## Bias, Risks, and Limitations
            It is biased.
            - **Developed by:** Hidden Corp
            -->

            ## Model Description

            - **Developed by:** TODO
            - **Model type:** TBD

            ## Direct Use

            TODO: describe the direct use

            ## Model Card Contact

                More information needed.\u{20}
            """)
        let card = try #require(adapted.card)
        #expect(card["model"]?["limitations"] == nil)
        #expect(card["model"]?["description"] == nil)
        #expect(card["model"]?["intended_tasks"] == nil)
        #expect(card["model"]?["license"] == nil)
        #expect(card["model"]?["architecture"] == nil)
        #expect(card["provider"] == nil)
        #expect(card["dependencies"] == nil)
        #expect(card["model"]?["name"]?.scalar?.text == "tiny")
    }

    @Test func cardTitlesAndByteOrderMarks() throws {
        let text = "\u{FEFF}# **Model  Card for Foo**\n\n## Uses\n\nText.\n\n## Model Details\n\nMore.\n"
        let document = try DocumentLoader.parseMarkdown(Array(text.utf8), file: "README.md")
        #expect(HuggingFaceCardAdapter.looksLikeCard(document))
        #expect(try HuggingFaceCardAdapter.adapt(document).card?["model"]?["name"]?.scalar?.text == "Foo")
    }
}
