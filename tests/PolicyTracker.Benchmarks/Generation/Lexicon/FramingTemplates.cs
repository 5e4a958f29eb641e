namespace PolicyTracker.Benchmarks.Generation.Lexicon;

/// <summary>Templates for titles, subheadings, lists, filler clauses and editorial notes.</summary>
internal static class FramingTemplates
{
    /// <summary>Headlines, in sentence case.</summary>
    public static readonly string[] Titles =
    [
        "{agency_short} proposes {adj} rules on {topic}", "{lab} releases {model} as regulators weigh {topic}",
        "{jadj} lawmakers push to tighten rules on {topic}", "What {instrument} means for {topic}",
        "{lab} signs on to {programme}", "{agency} opens consultation on {topic}",
        "Inside the fight over {topic} in {place}", "{lab} faces scrutiny over {model} safety testing",
        "{official} to lead {agency_short} work on {topic}", "{agency_short} fines {lab} {money} over {topic}",
        "{lab} in talks with {agency_short} over {topic}", "{lab} and {lab2} back changes to {instrument}",
        "Hearing in {place} puts {topic} in the spotlight", "{model} tops new benchmark, raising questions for {agency_short}",
        "Analysis: {instrument} faces its next battleground over {topic}", "{place} unveils {programme}",
        "Court pauses parts of {instrument} pending appeal", "{agency_short} publishes guidance on {topic}",
        "Why {instrument} keeps stumbling over {topic}", "{lab} delays {model} launch in {jurisdiction}",
        "{agency} warns of {adj} risks from {topic}", "{count} companies sign pledge on {topic}",
        "Opinion: {instrument} needs sharper teeth on {topic}", "{agency} expands {programme} to cover {topic}",
    ];

    /// <summary>Prefixes a republished copy may add to its headline.</summary>
    public static readonly string[] RepublishedTitlePrefixes = ["Update: ", "Updated: ", "Explainer: ", "In brief: "];

    /// <summary>Section headings inside an article.</summary>
    public static readonly string[] Subheadings =
    [
        "What the rules require", "Industry reaction", "What comes next", "Background", "Why it matters",
        "Enforcement questions", "How {instrument} fits in", "A divided industry", "The view from {place}",
        "Costs and compliance", "Open questions", "The numbers", "What {lab} says", "Timeline",
    ];

    /// <summary>Sentences that introduce a bullet list.</summary>
    public static readonly string[] ListIntros =
    [
        "Key provisions include:", "Among other things, the draft would:", "The guidance asks developers to:",
        "Under the proposal, companies would:", "The main changes would require firms to:",
    ];

    /// <summary>Bullet items, each completing the list intro.</summary>
    public static readonly string[] ListItems =
    [
        "report serious incidents to {agency_short} within {days} days",
        "publish summaries of the data used to train models such as {model}",
        "register systems trained with more than {flops} operations", "label synthetic images, audio and video",
        "give vetted researchers structured access through {programme}", "appoint a named compliance officer",
        "run adversarial testing before each major release", "pay fines of up to {money} for repeat violations",
        "tell users when they are interacting with an AI system", "file annual transparency reports on {topic}",
        "restrict exports of chips above a set performance threshold", "share evaluation results with {agency}",
    ];

    /// <summary>Filler clauses assembled from Zipf-sampled vocabulary.</summary>
    public static readonly string[] Clauses =
    [
        "{subjn} {ved} {obj} {prep} {obj}", "{subj1} {ved} {obj}", "{subj1} has {ven} {obj} {prep} {nps}",
        "{subjn} have {adv} {ven} {obj}", "{subj1} {modal} {v} {obj} {prep} {np}", "{subjn} are {ving} {obj}",
        "{subj1} is {adv} {ving} {obj}", "{subjn} {adv} {ved} {obj} {prep} {topic}", "{subj1} {vs} {obj}",
    ];

    /// <summary>Filler sentences built from clauses.</summary>
    public static readonly string[] FillerSentences =
    [
        "{clause}.", "{clause}, {conj} {clause}.", "{prep} {obj}, {clause}.", "{clause}, according to {np}.",
        "In {place}, {clause}.", "{clause} {prep} {obj}.", "At the same time, {clause}.", "For {nps}, {clause}.",
        "{clause}, officials said.", "Still, {clause}.", "By contrast, {clause}.", "Earlier this year, {clause}.",
        "{clause}, {subjn} said.", "Even so, {clause}.", "{clause}, and {clause}.", "In practice, {clause}.",
    ];

    /// <summary>Sentences a republished copy adds.</summary>
    public static readonly string[] RepublishedAdditions =
    [
        "{outlet} has contacted {lab} for comment.", "This story has been updated with additional reporting.",
        "Additional reporting by {reporter}.", "{agency_short} declined to comment further.",
        "An earlier version of this story misstated the length of the consultation period.",
    ];

    /// <summary>Notes that an article was written with AI help.</summary>
    public static readonly string[] AiDisclaimers =
    [
        "This article was generated with AI assistance. Please verify the information independently.",
        "This article was produced with the help of AI tools and reviewed by our editors. Please verify important information independently.",
        "Disclaimer: Parts of this article were generated using artificial intelligence. Readers should verify the information independently.",
        "This summary was generated with AI assistance and may contain errors. Please check the original sources before relying on it.",
        "Editor's note: This story was drafted with AI assistance. Please verify the information independently.",
    ];
}
