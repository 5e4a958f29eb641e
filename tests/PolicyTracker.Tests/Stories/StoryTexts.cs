namespace PolicyTracker.Tests.Stories;

/// <summary>
/// Story texts written for the tests: an original, its wire copy, and another event on the same beat.
/// Every longer word carries the test's tag, so the stories of different tests (sharing one
/// database) never look alike, while copies within a test do.
/// </summary>
public static class StoryTexts
{
    public static string Original(string tag) => Mark(Base, tag);

    /// <summary>The original as a wire copy: one phrase dropped, one swapped, a closing sentence added.</summary>
    public static string WireCopy(string tag) => Mark(Base.Replace("on Tuesday ", "").Replace("Industry groups", "Trade associations")
        + "\n\nThe ministry will publish the final text in the summer.", tag);

    /// <summary>The same beat and boilerplate, but a different event: the final rule months later.</summary>
    public static string LaterEvent(string tag) => Mark(Later, tag);

    static string Mark(string text, string tag) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\b[A-Za-z]{4,}\b", m => m.Value + "-" + tag[..Math.Min(4, tag.Length)]);

    const string Base = """
        The Ministry of Digital Affairs in Vellmark said on Tuesday that it would require developers of large language models to register each new release with a national evaluation office before offering it to the public, a step officials described as the first of its kind in the region.

        Under the draft order, companies would submit a technical summary, the results of red-team testing and a contact person for incidents at least thirty days before launch. The office could delay a release by up to ninety days if the tests showed serious risks to critical infrastructure.

        "We want innovation and we want to know what is being deployed," said deputy minister Tarja Holmqvist, who will lead the consultation. Industry groups have until the end of March to comment.

        Smaller developers with fewer than fifty employees would be exempt for the first two years, the ministry said, and open research releases would face a lighter procedure.
        """;

    const string Later = """
        The Ministry of Digital Affairs in Vellmark published on Friday the final rules for its national register of large language models, eight months after a consultation that drew more than four hundred responses.

        The final text shortens the notice period to twenty days and drops the power to delay releases, replacing it with a duty to publish a summary of each evaluation. Fines for missing a registration start at two percent of national turnover.

        Officials said the evaluation office had already received eleven voluntary filings. "The register is now open and we expect every major developer to be on it by winter," said director Paavo Lindgren, who was appointed in September.

        Opposition lawmakers said the changes favoured the largest companies and asked for an independent review after one year.
        """;
}
