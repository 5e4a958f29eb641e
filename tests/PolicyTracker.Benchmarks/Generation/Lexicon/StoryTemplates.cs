namespace PolicyTracker.Benchmarks.Generation.Lexicon;

/// <summary>Sentence templates that carry the story; {slots} are filled by <see cref="TemplateExpander"/>.</summary>
internal static class StoryTemplates
{
    /// <summary>Opening sentences: who did what, and when.</summary>
    public static readonly string[] Lead =
    [
        "{agency} on {weekday} published draft guidance on {topic}, setting out how developers of general-purpose models should meet their obligations under {instrument}.",
        "{lab} on {weekday} released {model}, its most capable system yet, days after {agency} signalled closer scrutiny of {topic}.",
        "Lawmakers in {place} on {weekday} advanced a proposal that would tighten rules on {topic}, the latest sign that {legislature} is losing patience with voluntary commitments from companies such as {lab}.",
        "{agency} said on {weekday} it would open a formal review of {topic}, a move that could reshape how {lab} and {lab2} bring new systems to market in {jurisdiction}.",
        "{agency_short} has launched {programme}, a scheme meant to give officials earlier sight of {topic} before frontier systems such as {model} reach the public.",
        "A coalition of {count} companies, including {lab} and {lab2}, on {weekday} signed a voluntary pledge on {topic}, though critics said the commitments lacked any means of enforcement.",
        "{jadj} officials are weighing new limits on {topic} after a string of incidents involving systems like {model}, according to documents seen by {outlet}.",
        "The fight over {topic} moved to {place} on {weekday}, where {legislature} held its first hearing on how {instrument} should apply to models such as {model}.",
        "{lab} said on {weekday} it would delay the release of {model} in {jurisdiction} while it works through questions from {agency} about {topic}.",
        "{agency} on {weekday} proposed fines of up to {money} for developers that fail to report serious incidents within {days} days, one of the most detailed attempts yet to put {instrument} into practice.",
        "Developers training models with more than {flops} operations would have to notify {agency} before deployment under draft rules published on {weekday}.",
        "{agency} on {weekday} added {count} entities to its restricted list, citing concerns about {topic} and the diversion of advanced chips.",
    ];

    /// <summary>Background and context sentences.</summary>
    public static readonly string[] Context =
    [
        "{instrument} already requires providers of general-purpose models to publish a summary of their training data and to assess systemic risks.",
        "Under the proposal, companies would have {days} days to respond to information requests from {agency_short}.",
        "{lab} has said it supports clear rules but has warned that a patchwork of national regimes could slow the rollout of systems such as {model}.",
        "Officials at {agency_short} have been building up their technical staff, hiring {count} engineers and researchers over the past year.",
        "The timing matters: {model} is expected to be among the first systems assessed under {programme}.",
        "Spending on AI infrastructure in {jurisdiction} rose by {percent} percent last year, according to industry estimates.",
        "{lab2}, a rival to {lab}, has taken a different approach, publishing its own evaluations of {topic} ahead of any formal requirement.",
        "The debate over {topic} has split the industry, with larger labs generally more comfortable with reporting duties than smaller startups.",
        "{legislature} is due to vote on the package before the end of the year.",
        "Penalties under {instrument} can reach {money} or a share of global turnover, whichever is higher.",
        "Several governments have pushed to delay parts of {instrument}, arguing that the technical standards are not yet ready.",
        "{agency_short} said the guidance was not legally binding but would inform how it approaches enforcement.",
        "The rules would apply to models trained using more than {flops} floating-point operations, a threshold that today captures only a handful of systems.",
        "Researchers have repeatedly shown that safeguards on systems such as {model} can be bypassed with carefully crafted prompts.",
        "In {place}, the discussion has focused less on {topic} and more on {topic2}.",
        "{programme} has so far received {money} in public funding.",
        "Compliance costs remain the industry's chief complaint, with some firms estimating they will spend {money} a year on reporting duties.",
        "Neither {lab} nor {lab2} responded to requests for comment.",
        "{lab} did not respond to a request for comment.",
        "Data gathered under {programme} suggests that {percent} percent of reported incidents involved {topic}.",
        "The {year} budget set aside {money} for {agency_short}, a figure critics say falls well short of what oversight of {topic} requires.",
        "{model} scored well on public benchmarks, but independent testers at {commentator_org} flagged gaps in how it handles {topic2}.",
        "The proposal builds on commitments that {lab}, {lab2} and other developers made at a summit in {place} last year.",
        "{agency_short} has asked developers to share details of how they test for {topic}, including the results of red-teaming exercises.",
        "Smaller developers have complained that the cost of complying with {instrument} falls disproportionately on them.",
        "The agency's own figures show that {count} developers have so far notified it of models that could fall under the rules.",
        "{lab} published a safety report alongside {model}, describing tests for {topic} and {topic2}.",
        "Civil society groups have argued that {instrument} leaves too much room for companies to mark their own homework.",
        "The first enforcement actions under {instrument} are not expected until next year.",
        "{official} has previously argued that {topic} should be handled through existing consumer protection law.",
        "Trade groups representing chipmakers warned that broad restrictions could push customers toward suppliers outside {jurisdiction}.",
        "The guidance distinguishes between developers that train models and deployers that build products on top of them.",
        "{lab2} said last month that it had already begun labeling synthetic images produced by its systems.",
        "Legal experts expect the rules to be challenged in court, particularly the provisions on {topic}.",
        "Officials have framed the measures as a matter of national security rather than consumer protection.",
        "{model} was released to paying subscribers first, with wider availability promised within {days} days.",
        "Much of the technical detail will be left to standards bodies, which are still drafting the relevant specifications.",
        "The approach in {place} contrasts with that of other governments, which have so far relied on voluntary codes.",
    ];

    /// <summary>Attributed quotations.</summary>
    public static readonly string[] Quote =
    [
        "“We are not trying to slow innovation, we are trying to make sure the public can trust it,” said {official}, {official_title}.",
        "“The question is no longer whether to regulate {topic}, but how quickly,” said {commentator}, {commentator_title}.",
        "“This is a meaningful step, but the details will matter enormously,” {commentator} said.",
        "{official}, {official_title}, told reporters that the agency would “move quickly but carefully” on {topic}.",
        "“Companies like {lab} have had years to get this right,” said {commentator}, {commentator_title}. “Voluntary commitments have clearly reached their limits.”",
        "“We welcome the clarity this provides and will continue to work constructively with {agency_short},” a spokesperson for {lab} said in a statement.",
        "“If {instrument} is going to work, enforcement has to be credible from day one,” said {commentator}.",
        "“The threshold is arbitrary, and it will age badly,” {commentator}, {commentator_title}, said of the {flops} cut-off.",
        "“Nobody wants a repeat of the last cycle, where the rules arrived years after the harms,” said {official}.",
        "“{model} was tested extensively before release,” {lab} said, adding that it had shared the results with {agency}.",
    ];

    /// <summary>Sentences that rely on unnamed sources.</summary>
    public static readonly string[] AnonymousSourcing =
    [
        "{lab} has been in talks with {agency_short} for several weeks, according to two people familiar with the matter.",
        "A senior official, who spoke on condition of anonymity because the discussions are private, said a decision on {topic} was expected within {days} days.",
        "People briefed on the negotiations said {lab2} had pushed for a longer transition period.",
        "One person close to the company, who asked not to be named, described the internal debate over {topic} as “intense.”",
        "Sources familiar with the draft said it had been watered down after lobbying by {lab}.",
        "An official who was not authorized to speak publicly said {agency_short} was preparing a second round of guidance.",
    ];

    /// <summary>Sentences that close a story.</summary>
    public static readonly string[] Closing =
    [
        "{agency_short} is expected to publish final guidance in the coming months.",
        "The consultation closes in {days} days.",
        "A final vote is expected early next year.",
        "{lab} said it would review the proposal and respond in due course.",
        "The next round of talks is scheduled to take place in {place}.",
        "Whether the approach survives legal challenges remains an open question.",
    ];
}
